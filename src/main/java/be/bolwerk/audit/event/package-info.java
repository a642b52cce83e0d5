/**
 * What happened to audit orders, as past-tense events: raised by the order's transitions and read by the modules
 * that react to them (the audit trail records each; the findings register will take {@code AuditFindingRecorded}).
 */
@org.springframework.modulith.NamedInterface("event")
package be.bolwerk.audit.event;
