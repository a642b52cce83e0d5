package be.bolwerk.incident.event.work;

import be.bolwerk.incident.IncidentId;
import java.util.UUID;

/** The CRT recorded (or rewrote) the root cause of an incident; the audit trail keeps who and when, not the text. */
public record IncidentReviewed(IncidentId incidentId, UUID organisationId, String reference, UUID by, String byName) {}
