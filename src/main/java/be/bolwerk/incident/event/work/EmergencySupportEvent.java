package be.bolwerk.incident.event.work;

import be.bolwerk.incident.IncidentId;
import java.math.BigDecimal;
import java.util.UUID;

/**
 * What happened to a request for emergency support (ADR 0041), as past-tense events. Each names the request by its
 * reference, the incident and the organisation; amounts are in euros with cents.
 */
public sealed interface EmergencySupportEvent {

    UUID supportId();

    String reference();

    IncidentId incidentId();

    UUID organisationId();

    /** The organisation's admin asked for support. */
    record Requested(
            UUID supportId,
            String reference,
            IncidentId incidentId,
            UUID organisationId,
            String purpose,
            BigDecimal amount)
            implements EmergencySupportEvent {}

    /** The CRT recommends the support, for this amount. */
    record Recommended(UUID supportId, String reference, IncidentId incidentId, UUID organisationId, BigDecimal amount)
            implements EmergencySupportEvent {}

    /** The CRT advises against it. */
    record AdvisedAgainst(UUID supportId, String reference, IncidentId incidentId, UUID organisationId)
            implements EmergencySupportEvent {}

    /** The programme approved it from a line of the emergency fund. */
    record Approved(
            UUID supportId,
            String reference,
            IncidentId incidentId,
            UUID organisationId,
            BigDecimal amount,
            String line)
            implements EmergencySupportEvent {}

    /** The programme rejected it. */
    record Rejected(UUID supportId, String reference, IncidentId incidentId, UUID organisationId)
            implements EmergencySupportEvent {}

    /** The invoice was paid: the programme's part and the organisation's. */
    record Paid(
            UUID supportId,
            String reference,
            IncidentId incidentId,
            UUID organisationId,
            String invoiceNumber,
            BigDecimal programme,
            BigDecimal organisation)
            implements EmergencySupportEvent {}

    /** The programme took back its approval; the amount went back to the emergency fund. */
    record Cancelled(
            UUID supportId,
            String reference,
            IncidentId incidentId,
            UUID organisationId,
            BigDecimal released,
            String reason)
            implements EmergencySupportEvent {}

    /** The organisation withdrew its request. */
    record Withdrawn(UUID supportId, String reference, IncidentId incidentId, UUID organisationId)
            implements EmergencySupportEvent {}
}
