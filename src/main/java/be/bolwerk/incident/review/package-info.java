/**
 * What the CRT learns from an incident (ADR 0040): its root cause and lessons, and adopting a lesson into the
 * organisation's findings register through {@link be.bolwerk.incident.event.work.IncidentLessonAdopted}. The page is
 * {@code /incidents/{id}/lessons}.
 */
package be.bolwerk.incident.review;
