/** The emergency-support pages: the incident's tab and the programme's list and decision page (ADR 0041). */
package be.bolwerk.incident.support.web;
