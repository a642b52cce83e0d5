package be.bolwerk.audit.event;

import be.bolwerk.audit.AuditOrderId;
import java.time.LocalDate;
import java.util.UUID;

/** The auditor set the date of the audit. */
public record AuditScheduled(AuditOrderId id, String reference, UUID organisationId, UUID partnerId, LocalDate on)
        implements AuditOrderEvent {}
