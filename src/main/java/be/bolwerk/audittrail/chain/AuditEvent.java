package be.bolwerk.audittrail.chain;

import be.bolwerk.audittrail.AuditEventType;
import java.time.Instant;
import java.util.UUID;

/**
 * One row of the audit trail as it is read back.
 *
 * @param seq position in the chain, from 1 without gaps
 * @param outcome {@code SUCCESS} or {@code FAILURE}
 * @param actor the e-mail address the actor used, as typed for failed sign-ins
 */
public record AuditEvent(
        long seq,
        Instant occurredAt,
        AuditEventType type,
        String outcome,
        UUID actorId,
        String actor,
        UUID organisationId,
        String clientAddress,
        String details) {}
