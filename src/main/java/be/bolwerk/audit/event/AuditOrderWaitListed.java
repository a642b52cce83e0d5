package be.bolwerk.audit.event;

import be.bolwerk.audit.AuditOrderId;
import java.util.UUID;

/** A supplementary audit waits for credit to return, first come, first served. */
public record AuditOrderWaitListed(AuditOrderId id, String reference, UUID organisationId, UUID partnerId)
        implements AuditOrderEvent {}
