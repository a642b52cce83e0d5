/**
 * Emergency support from the programme's emergency fund for an organisation hit by an incident (ADR 0041): the
 * request and its named steps ({@link be.bolwerk.incident.support.EmergencySupport}), the use case that moves the
 * money through the funding module ({@link be.bolwerk.incident.support.Supporting}), the mails, and the pages in
 * {@code web}: the incident's tab {@code /incidents/{id}/support} and the programme's {@code /emergency-support}.
 */
package be.bolwerk.incident.support;
