package be.bolwerk.audit.event;

import be.bolwerk.audit.AuditOrderId;
import java.util.UUID;

/** The programme office gave the audit to a firm; its auditors see it from now on. */
public record AuditFirmAssigned(AuditOrderId id, String reference, UUID organisationId, UUID partnerId, String firm)
        implements AuditOrderEvent {}
