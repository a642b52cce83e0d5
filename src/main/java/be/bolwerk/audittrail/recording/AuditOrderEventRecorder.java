package be.bolwerk.audittrail.recording;

import be.bolwerk.audit.event.AuditFindingRecorded;
import be.bolwerk.audit.event.AuditFirmAssigned;
import be.bolwerk.audit.event.AuditOrderApproved;
import be.bolwerk.audit.event.AuditOrderCancelled;
import be.bolwerk.audit.event.AuditOrderCompleted;
import be.bolwerk.audit.event.AuditOrderEvent;
import be.bolwerk.audit.event.AuditOrderHeld;
import be.bolwerk.audit.event.AuditOrderRefused;
import be.bolwerk.audit.event.AuditOrderRequested;
import be.bolwerk.audit.event.AuditOrderResumed;
import be.bolwerk.audit.event.AuditOrderWaitListed;
import be.bolwerk.audit.event.AuditReportUploaded;
import be.bolwerk.audit.event.AuditScheduled;
import be.bolwerk.audit.event.AuditStarted;
import be.bolwerk.audittrail.AuditEventType;
import be.bolwerk.audittrail.chain.Actors;
import be.bolwerk.audittrail.chain.AuditTrail;
import be.bolwerk.audittrail.chain.Details;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Records every step of an audit order, synchronously, under the organisation that ordered it and, for a joint
 * order, once more under its partner, whose admins read their own organisation's trail: the order, the
 * decisions with the credit reserved, the firm, the date, findings (their title and severity, not their text),
 * the report and the settled shares. Amounts are plain decimals so the trail can be reconciled with the ledger.
 */
@Component
class AuditOrderEventRecorder {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd-MM-yyyy");

    private final AuditTrail trail;

    AuditOrderEventRecorder(AuditTrail trail) {
        this.trail = trail;
    }

    @EventListener
    void on(AuditOrderEvent event) {
        String details = Details.about(
                Map.of("order", event.id().value()), "audit.detail.auditOrder", event.reference(), note(event));
        trail.append(type(event), true, Actors.current(), event.organisationId(), details);
        if (event.partnerId() != null) {
            trail.append(type(event), true, Actors.current(), event.partnerId(), details);
        }
    }

    /** The kind of row and the figures and words of the step, as any reader sees them (amounts, dates, names). */
    private record Row(AuditEventType type, String note) {}

    private static AuditEventType type(AuditOrderEvent event) {
        return row(event).type();
    }

    private static String note(AuditOrderEvent event) {
        return row(event).note();
    }

    private static Row row(AuditOrderEvent event) {
        if (event instanceof AuditOrderRequested e) {
            return new Row(
                    AuditEventType.AUDIT_ORDER_REQUESTED,
                    e.kind() + " " + e.quoteTotal().toPlainString()
                            + (e.partnerId() == null ? "" : " partner=" + e.partnerId()));
        }
        if (event instanceof AuditOrderApproved e) {
            return new Row(
                    AuditEventType.AUDIT_ORDER_APPROVED,
                    e.reserved().toPlainString() + (e.partial() ? " (partial)" : ""));
        }
        if (event instanceof AuditOrderWaitListed) {
            return new Row(AuditEventType.AUDIT_ORDER_WAIT_LISTED, "");
        }
        if (event instanceof AuditOrderRefused e) {
            return new Row(AuditEventType.AUDIT_ORDER_REFUSED, e.reason());
        }
        if (event instanceof AuditFirmAssigned e) {
            return new Row(AuditEventType.AUDIT_FIRM_ASSIGNED, e.firm());
        }
        if (event instanceof AuditScheduled e) {
            return new Row(AuditEventType.AUDIT_SCHEDULED, DAY.format(e.on()));
        }
        if (event instanceof AuditStarted) {
            return new Row(AuditEventType.AUDIT_STARTED, "");
        }
        if (event instanceof AuditOrderHeld e) {
            return new Row(AuditEventType.AUDIT_ORDER_HELD, e.from() + ": " + e.reason());
        }
        if (event instanceof AuditOrderResumed e) {
            return new Row(AuditEventType.AUDIT_ORDER_RESUMED, String.valueOf(e.to()));
        }
        if (event instanceof AuditFindingRecorded e) {
            return new Row(AuditEventType.AUDIT_FINDING_RECORDED, e.severity() + " " + e.title());
        }
        if (event instanceof AuditReportUploaded e) {
            return new Row(AuditEventType.AUDIT_REPORT_UPLOADED, e.fileName() + " " + e.size());
        }
        if (event instanceof AuditOrderCompleted e) {
            return new Row(
                    AuditEventType.AUDIT_ORDER_COMPLETED,
                    e.invoiceNumber() + " programme=" + e.programmeShare().toPlainString() + " organisation="
                            + e.organisationShare().toPlainString());
        }
        AuditOrderCancelled e = (AuditOrderCancelled) event;
        return new Row(AuditEventType.AUDIT_ORDER_CANCELLED, e.released().toPlainString());
    }
}
