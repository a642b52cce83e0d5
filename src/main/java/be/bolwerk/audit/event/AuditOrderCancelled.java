package be.bolwerk.audit.event;

import be.bolwerk.audit.AuditOrderId;
import java.math.BigDecimal;
import java.util.UUID;

/** The order was cancelled; {@code released} is the credit given back to the line (zero if none was reserved). */
public record AuditOrderCancelled(
        AuditOrderId id, String reference, UUID organisationId, UUID partnerId, BigDecimal released)
        implements AuditOrderEvent {}
