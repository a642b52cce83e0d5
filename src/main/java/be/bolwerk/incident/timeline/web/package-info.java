/**
 * The page of an incident's timeline, assets, indicators and evidence ({@code GET /incidents/{id}/timeline}) and its
 * forms. Every handler loads the incident through {@code IncidentPages} or a use case that uses
 * {@code IncidentAccess} first, so another organisation's incident is a 404 before any form is looked at. A refused
 * form renders the page again with the refusal next to its field and what was typed kept.
 */
package be.bolwerk.incident.timeline.web;
