package be.bolwerk.audit.event;

import be.bolwerk.audit.AuditOrderId;
import java.math.BigDecimal;
import java.util.UUID;

/** The programme office approved the order and reserved credit; {@code partial} when capped at what was left. */
public record AuditOrderApproved(
        AuditOrderId id, String reference, UUID organisationId, UUID partnerId, BigDecimal reserved, boolean partial)
        implements AuditOrderEvent {}
