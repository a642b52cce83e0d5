package be.bolwerk.audit.ordering;

import be.bolwerk.audit.AuditStatus;
import java.time.Instant;
import java.util.UUID;

/**
 * One line of an order's history: which step, the status it left the order in, an optional note (a reason, a
 * date, a firm) and who did it when. Step labels live in messages ({@code auditOrder.step.*}).
 */
public record Step(String step, AuditStatus status, String note, UUID actorId, String actorName, Instant at) {}
