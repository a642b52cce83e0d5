/**
 * The regulator obligations of an incident (issue 13, ADR 0039): the facts that start the legal clocks
 * ({@link be.bolwerk.incident.obligation.IncidentFacts}), the pure rules that turn them into deadlines
 * ({@link be.bolwerk.incident.obligation.Deadlines}: GDPR art. 33/34, NIS2 art. 23), one record per obligation with
 * its named transitions ({@link be.bolwerk.incident.obligation.Obligation}), the use case that records them
 * ({@link be.bolwerk.incident.obligation.Obligations}), the reminders, and the query the CRT queue reads
 * ({@link be.bolwerk.incident.obligation.OpenObligations}).
 */
package be.bolwerk.incident.obligation;
