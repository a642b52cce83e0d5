/**
 * How an incident reaches the CRT: the organisation's own report form and API, or a CRT analyst taking a phone call
 * ({@link be.bolwerk.incident.intake.Reporting}); the mails that acknowledge it and alert the on-call analyst; the
 * lists of incidents people may see, the CRT's queue among them (ADR 0036).
 */
package be.bolwerk.incident.intake;
