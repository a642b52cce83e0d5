/**
 * What people record while an incident is worked, as past-tense events: timeline entries, assets, indicators and
 * the evidence's custody, playbook tasks, the root cause and lessons (an adopted lesson becomes a finding), and the
 * steps of emergency support. Read by the audit trail and the findings register; the incident's own status steps
 * are the sealed {@code IncidentEvent} family one package up.
 */
@org.springframework.modulith.NamedInterface("work-event")
package be.bolwerk.incident.event.work;
