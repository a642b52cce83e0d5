package be.bolwerk.audit.event;

import be.bolwerk.audit.AuditOrderId;
import java.util.UUID;

/** Every event of an order names it, its reference as people read it, and the organisation that ordered it. */
public sealed interface AuditOrderEvent
        permits AuditOrderRequested,
                AuditOrderApproved,
                AuditOrderWaitListed,
                AuditOrderRefused,
                AuditFirmAssigned,
                AuditScheduled,
                AuditStarted,
                AuditOrderHeld,
                AuditOrderResumed,
                AuditFindingRecorded,
                AuditReportUploaded,
                AuditOrderCompleted,
                AuditOrderCancelled {

    AuditOrderId id();

    String reference();

    UUID organisationId();
}
