/**
 * What happened to more than one finding at a time, or to the rules for all of them, as past-tense events: imports,
 * exports, risk acceptances and the SLA and maximum-duration settings (the audit trail records each).
 */
@org.springframework.modulith.NamedInterface("group-event")
package be.bolwerk.findings.event.group;
