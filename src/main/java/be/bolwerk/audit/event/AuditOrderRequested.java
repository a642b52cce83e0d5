package be.bolwerk.audit.event;

import be.bolwerk.audit.AuditKind;
import be.bolwerk.audit.AuditOrderId;
import java.math.BigDecimal;
import java.util.UUID;

/** An organisation ordered an audit; {@code partnerId} is the OCMW or municipality of a joint order, or null. */
public record AuditOrderRequested(
        AuditOrderId id, String reference, UUID organisationId, UUID partnerId, AuditKind kind, BigDecimal quoteTotal)
        implements AuditOrderEvent {}
