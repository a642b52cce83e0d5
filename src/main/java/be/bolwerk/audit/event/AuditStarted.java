package be.bolwerk.audit.event;

import be.bolwerk.audit.AuditOrderId;
import java.util.UUID;

/** The audit is under way. */
public record AuditStarted(AuditOrderId id, String reference, UUID organisationId, UUID partnerId)
        implements AuditOrderEvent {}
