/**
 * What happened to findings, as past-tense events: raised by the finding's transitions and read by the modules
 * that react to them (the audit trail records each).
 */
@org.springframework.modulith.NamedInterface("event")
package be.bolwerk.findings.event;
