package be.bolwerk.audit.event;

import be.bolwerk.audit.AuditOrderId;
import java.util.UUID;

/**
 * The auditor recorded a finding. The findings register (issue 12) will take findings over from this event;
 * until then they are listed on the audit. The description and recommendation stay in this module.
 */
public record AuditFindingRecorded(
        AuditOrderId id,
        String reference,
        UUID organisationId,
        UUID partnerId,
        UUID findingId,
        String title,
        String severity)
        implements AuditOrderEvent {}
