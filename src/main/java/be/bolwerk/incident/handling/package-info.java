/**
 * The incident aggregate and its named state machine ({@link be.bolwerk.incident.handling.Incident}), the one class
 * that writes its table ({@link be.bolwerk.incident.handling.IncidentStore}) and who may see and do what
 * ({@link be.bolwerk.incident.handling.IncidentAccess}, {@link be.bolwerk.incident.handling.Access}). The other
 * packages of the module (intake, the timeline, the obligations, emergency support) build on these.
 */
package be.bolwerk.incident.handling;
