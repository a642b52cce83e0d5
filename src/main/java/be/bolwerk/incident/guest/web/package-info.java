/** The pages of guest access (ADR 0043): the incident's tab {@code /incidents/{id}/guests} and {@code /guest}. */
package be.bolwerk.incident.guest.web;
