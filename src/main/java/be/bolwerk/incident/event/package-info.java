/**
 * What happened to incidents, as past-tense events raised by the incident's transitions: read by the audit trail,
 * the obligations (the clocks start from the facts), the findings register (lessons become findings) and the CRT's
 * live queue.
 */
@org.springframework.modulith.NamedInterface("event")
package be.bolwerk.incident.event;
