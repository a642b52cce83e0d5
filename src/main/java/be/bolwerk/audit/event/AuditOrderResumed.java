package be.bolwerk.audit.event;

import be.bolwerk.audit.AuditOrderId;
import be.bolwerk.audit.AuditStatus;
import java.util.UUID;

/** An order on hold is back where it was. */
public record AuditOrderResumed(AuditOrderId id, String reference, UUID organisationId, UUID partnerId, AuditStatus to)
        implements AuditOrderEvent {}
