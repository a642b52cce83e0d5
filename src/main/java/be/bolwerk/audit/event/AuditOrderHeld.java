package be.bolwerk.audit.event;

import be.bolwerk.audit.AuditOrderId;
import be.bolwerk.audit.AuditStatus;
import java.util.UUID;

/** The programme office put the order on hold; it goes back to {@code from} when resumed. */
public record AuditOrderHeld(
        AuditOrderId id, String reference, UUID organisationId, UUID partnerId, AuditStatus from, String reason)
        implements AuditOrderEvent {}
