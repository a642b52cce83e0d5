package be.bolwerk.incident.event.work;

import be.bolwerk.incident.IncidentId;
import java.time.Instant;
import java.util.UUID;

/**
 * What happened to a guest's access to one incident (ADR 0043), as past-tense events. Expiry has no event: access
 * is computed from the grant's end on the clock. The guest's e-mail address is not in the events (the audit trail
 * names the grant and the firm).
 */
public sealed interface IncidentGuestEvent {

    UUID grantId();

    IncidentId incidentId();

    UUID organisationId();

    String firm();

    /** The organisation's admin invited a firm to the incident until {@code expiresAt}. */
    record GuestInvited(UUID grantId, IncidentId incidentId, UUID organisationId, String firm, Instant expiresAt)
            implements IncidentGuestEvent {}

    /** The invited person accepted with an account (new or existing) and may now open the incident. */
    record GuestAccepted(UUID grantId, IncidentId incidentId, UUID organisationId, String firm, UUID accountId)
            implements IncidentGuestEvent {}

    /** The organisation's admin or the CRT ended the guest's access before its end date. */
    record GuestRevoked(UUID grantId, IncidentId incidentId, UUID organisationId, String firm)
            implements IncidentGuestEvent {}
}
