package be.bolwerk.audit.event;

import be.bolwerk.audit.AuditOrderId;
import java.math.BigDecimal;
import java.util.UUID;

/** The audit was completed with its invoice, and the programme's share was paid. */
public record AuditOrderCompleted(
        AuditOrderId id,
        String reference,
        UUID organisationId,
        UUID partnerId,
        String invoiceNumber,
        BigDecimal programmeShare,
        BigDecimal organisationShare)
        implements AuditOrderEvent {}
