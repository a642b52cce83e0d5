/**
 * What is learnt and said while an incident is handled (ADR 0038): the append-only timeline and communication log
 * ({@link be.bolwerk.incident.timeline.Entry}, corrected by later entries, never overwritten), the affected assets
 * whose compromise status changes are entries of that timeline, and the indicators of compromise with their CSV
 * export. Who may add is {@code handling.Access#mayContribute}; everything is loaded through {@code IncidentAccess}.
 */
package be.bolwerk.incident.timeline;
