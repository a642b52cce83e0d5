/** The pages, exports and API of an incident's notification drafts (ADR 0042). */
package be.bolwerk.incident.notice.web;
