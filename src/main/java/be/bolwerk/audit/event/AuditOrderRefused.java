package be.bolwerk.audit.event;

import be.bolwerk.audit.AuditOrderId;
import java.util.UUID;

/** The programme office refused the order, with its reason. */
public record AuditOrderRefused(AuditOrderId id, String reference, UUID organisationId, UUID partnerId, String reason)
        implements AuditOrderEvent {}
