package be.bolwerk.audit.event;

import be.bolwerk.audit.AuditOrderId;
import java.util.UUID;

/**
 * Every event of an order names it, its reference as people read it, the organisation that ordered it and, for a
 * joint order, its partner (null otherwise): both organisations' audit trails show the step.
 */
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

    /** The OCMW or municipality that ordered together with {@link #organisationId()}; null if none. */
    UUID partnerId();
}
