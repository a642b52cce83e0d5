package be.bolwerk.audit.ordering;

import be.bolwerk.audit.AuditOrderId;
import be.bolwerk.audit.AuditOrderNotFound;
import be.bolwerk.funding.Funding;
import be.bolwerk.funding.Invoice;
import be.bolwerk.funding.Settlement;
import be.bolwerk.shared.BelgianTime;
import be.bolwerk.shared.PdfContent;
import be.bolwerk.shared.Refusal;
import be.bolwerk.shared.UploadRefused;
import be.bolwerk.shared.security.CurrentUser;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit firm's work on an order given to it: schedule, start, record findings, upload the report and
 * complete with the invoice, which settles the programme's share on the line. Only the auditors of the firm
 * the order was given to; for anyone else the order is not there.
 */
@Service
@PreAuthorize("hasRole('AUDITOR')")
public class Auditing {

    public static final String NOT_PDF = "auditOrder.report.notPdf";
    public static final String TOO_LARGE = "auditOrder.report.size";

    /** A report as it was sent, and where from (for the trace of a refused file). */
    public record Upload(String fileName, long size, byte[] content, String path, String clientAddress) {}

    /** A finding as the auditor typed it. */
    public record FindingDraft(String title, Severity severity, String description, String recommendation) {}

    private final OrderSteps steps;
    private final AuditOrderStore store;
    private final Funding funding;
    private final AuditMails mails;
    private final AuditProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Auditing(
            OrderSteps steps,
            AuditOrderStore store,
            Funding funding,
            AuditMails mails,
            AuditProperties properties,
            ApplicationEventPublisher events,
            Clock clock) {
        this.steps = steps;
        this.store = store;
        this.funding = funding;
        this.mails = mails;
        this.properties = properties;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public void schedule(AuditOrderId id, LocalDate on, CurrentUser auditor) {
        Viewer viewer = steps.viewer(auditor);
        AuditOrder order = assigned(id, viewer);
        order.schedule(on, BelgianTime.today(clock), viewer.actor(), clock.instant());
        steps.save(order);
        mails.scheduled(order);
    }

    @Transactional
    public void start(AuditOrderId id, CurrentUser auditor) {
        Viewer viewer = steps.viewer(auditor);
        AuditOrder order = assigned(id, viewer);
        order.start(viewer.actor(), clock.instant());
        steps.save(order);
    }

    @Transactional
    public Finding record(AuditOrderId id, FindingDraft draft, CurrentUser auditor) {
        Viewer viewer = steps.viewer(auditor);
        AuditOrder order = assigned(id, viewer);
        if (draft.severity() == null) {
            throw Refusal.invalid(AuditOrder.REASON_REQUIRED);
        }
        Finding finding = order.record(
                draft.title(),
                draft.severity(),
                draft.description(),
                draft.recommendation(),
                viewer.actor(),
                clock.instant());
        steps.save(order);
        store.insertFinding(order, finding);
        return finding;
    }

    /**
     * Stores the report when it is a PDF that PDFBox can open (the content decides, not the name or the type the
     * browser sent) and not larger than the setting; a refused file is announced as {@link UploadRefused}.
     */
    @Transactional
    public void report(AuditOrderId id, Upload upload, CurrentUser auditor) {
        Viewer viewer = steps.viewer(auditor);
        AuditOrder order = assigned(id, viewer);
        try {
            if (upload.size() > properties.reportMaxBytes() || upload.content().length > properties.reportMaxBytes()) {
                throw Refusal.invalid(TOO_LARGE, properties.reportMaxMegabytes());
            }
            if (!PdfContent.isPdf(upload.content())) {
                throw Refusal.invalid(NOT_PDF);
            }
        } catch (Refusal refused) {
            events.publishEvent(UploadRefused.of(
                    upload.path(), refused, upload.fileName(), order.organisationId(), upload.clientAddress()));
            throw refused;
        }
        order.report(cleanName(upload.fileName()), upload.content().length, viewer.actor(), clock.instant());
        steps.save(order);
        store.storeReport(order.id(), upload.content());
        mails.reported(order);
    }

    /** Completes the audit with its invoice: the programme's share is settled on the line, the rest is the organisations'. */
    @Transactional
    public void complete(AuditOrderId id, Invoice invoice, CurrentUser auditor) {
        Viewer viewer = steps.viewer(auditor);
        AuditOrder order = assigned(id, viewer);
        order.requireCompletable();
        Settlement settlement = funding.settle(order.commitment(), invoice, AuditOrder.share(order.kind()));
        order.complete(invoice, settlement, viewer.actor(), clock.instant());
        steps.save(order);
        mails.completed(order);
    }

    private AuditOrder assigned(AuditOrderId id, Viewer viewer) {
        AuditOrder order = steps.load(id, viewer);
        if (!viewer.auditorOf(order)) {
            throw new AuditOrderNotFound();
        }
        return order;
    }

    /** The name without folders or control characters, at most 200 characters, ending in .pdf. */
    static String cleanName(String fileName) {
        String name = fileName == null
                ? ""
                : fileName.replaceAll(".*[/\\\\]", "")
                        .replaceAll("\\p{Cntrl}", "")
                        .strip();
        if (name.isEmpty()) {
            name = "rapport.pdf";
        }
        if (name.length() > 200) {
            name = name.substring(0, 200);
        }
        return name.toLowerCase(java.util.Locale.ROOT).endsWith(".pdf") ? name : name + ".pdf";
    }
}
