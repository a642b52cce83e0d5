package be.bolwerk.audit.ordering;

import be.bolwerk.audit.AuditKind;
import be.bolwerk.audit.AuditOrderId;
import be.bolwerk.audit.AuditStatus;
import be.bolwerk.funding.BudgetLineId;
import be.bolwerk.funding.CommitmentId;
import be.bolwerk.funding.CompanyNumber;
import be.bolwerk.funding.Invoice;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The one class that writes the audit tables (ADR 0002). An order is written back only if nobody changed it
 * since it was read (its version), so two people taking a step at once cannot both move it; the history is
 * appended, never rewritten.
 */
@Repository
public class AuditOrderStore {

    static final String COLUMNS = "id, reference, organisation_id, organisation_name, partner_id, partner_name, kind,"
            + " coaching_day, budget_line_id, quote_excluding_vat, quote_vat, shares_include_vat, programme_share,"
            + " organisation_share, partner_share, status, held_from, refusal_reason, commitment_id, reserved, capped,"
            + " firm, scheduled_on, report_name, report_size, invoice_number, invoice_date, supplier,"
            + " invoice_excluding_vat, invoice_vat, invoice_total, programme_paid, organisation_paid, requested_by,"
            + " requested_at, wait_listed_at, version";

    private final JdbcClient jdbc;

    AuditOrderStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(AuditOrder order) {
        AuditOrder.Request r = order.request();
        jdbc.sql("""
                        INSERT INTO audit_order (id, reference, organisation_id, organisation_name, partner_id,
                            partner_name, kind, coaching_day, budget_line_id, quote_excluding_vat, quote_vat,
                            shares_include_vat, programme_share, organisation_share, partner_share, status,
                            requested_by, requested_at, version)
                        VALUES (:id, :reference, :organisation, :organisationName, :partner, :partnerName, :kind,
                            :coaching, :line, :excl, :vat, :includeVat, :programme, :own, :partnerShare, :status,
                            :by, :at, 0)
                        """)
                .param("id", order.id().value())
                .param("reference", order.reference())
                .param("organisation", r.organisationId())
                .param("organisationName", r.organisationName())
                .param("partner", r.partnerId())
                .param("partnerName", r.partnerName())
                .param("kind", r.kind().name())
                .param("coaching", r.coachingDay())
                .param("line", r.line().value())
                .param("excl", r.quote().excludingVat())
                .param("vat", r.quote().vat())
                .param("includeVat", r.sharesIncludeVat())
                .param("programme", order.expected().programme())
                .param("own", order.expected().organisation())
                .param("partnerShare", order.expected().partner())
                .param("status", order.status().name())
                .param("by", order.requestedBy())
                .param("at", utc(order.requestedAt()))
                .update();
        appendSteps(order);
    }

    /** Writes the order's new state and steps; false when someone changed it since it was read. */
    public boolean update(AuditOrder order) {
        AuditOrder.State s = order.state();
        Invoice invoice = s.invoice();
        boolean written = jdbc.sql("""
                                UPDATE audit_order SET status = :status, held_from = :heldFrom,
                                    refusal_reason = :reason, commitment_id = :commitment, reserved = :reserved,
                                    capped = :capped, firm = :firm, scheduled_on = :scheduledOn,
                                    report_name = :reportName, report_size = :reportSize,
                                    invoice_number = :invoiceNumber, invoice_date = :invoiceDate, supplier = :supplier,
                                    invoice_excluding_vat = :invoiceExcl, invoice_vat = :invoiceVat,
                                    invoice_total = :invoiceTotal, programme_paid = :programmePaid,
                                    organisation_paid = :organisationPaid, wait_listed_at = :waitListedAt,
                                    version = version + 1
                                WHERE id = :id AND version = :version
                                """)
                        .param("status", s.status().name())
                        .param(
                                "heldFrom",
                                s.heldFrom() == null ? null : s.heldFrom().name())
                        .param("reason", s.refusalReason())
                        .param(
                                "commitment",
                                s.commitment() == null ? null : s.commitment().value())
                        .param("reserved", s.reserved())
                        .param("capped", s.capped())
                        .param("firm", s.firm())
                        .param("scheduledOn", s.scheduledOn())
                        .param("reportName", s.reportName())
                        .param("reportSize", s.reportName() == null ? null : s.reportSize())
                        .param("invoiceNumber", invoice == null ? null : invoice.number())
                        .param("invoiceDate", invoice == null ? null : invoice.date())
                        .param(
                                "supplier",
                                invoice == null ? null : invoice.supplier().digits())
                        .param("invoiceExcl", invoice == null ? null : invoice.amountExcludingVat())
                        .param("invoiceVat", invoice == null ? null : invoice.vat())
                        .param("invoiceTotal", invoice == null ? null : invoice.total())
                        .param("programmePaid", s.programmePaid())
                        .param("organisationPaid", s.organisationPaid())
                        .param("waitListedAt", utc(s.waitListedAt()))
                        .param("id", order.id().value())
                        .param("version", order.version())
                        .update()
                == 1;
        if (written) {
            appendSteps(order);
        }
        return written;
    }

    private void appendSteps(AuditOrder order) {
        int next = jdbc.sql("SELECT COALESCE(MAX(seq), 0) FROM audit_order_history WHERE order_id = :id")
                .param("id", order.id().value())
                .query(Integer.class)
                .single();
        for (Step step : order.newSteps()) {
            next++;
            jdbc.sql("""
                            INSERT INTO audit_order_history (order_id, seq, status, step, note, actor_id, actor_name,
                                happened_at)
                            VALUES (:id, :seq, :status, :step, :note, :actor, :actorName, :at)
                            """)
                    .param("id", order.id().value())
                    .param("seq", next)
                    .param("status", step.status().name())
                    .param("step", step.step())
                    .param("note", step.note())
                    .param("actor", step.actorId())
                    .param("actorName", step.actorName())
                    .param("at", utc(step.at()))
                    .update();
        }
    }

    public Optional<AuditOrder> find(AuditOrderId id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM audit_order WHERE id = :id")
                .param("id", id.value())
                .query(AuditOrderStore::order)
                .optional();
    }

    public List<Step> history(AuditOrderId id) {
        return jdbc.sql("""
                        SELECT step, status, note, actor_id, actor_name, happened_at FROM audit_order_history
                        WHERE order_id = :id ORDER BY seq
                        """)
                .param("id", id.value())
                .query((rs, row) -> new Step(
                        rs.getString("step"),
                        AuditStatus.valueOf(rs.getString("status")),
                        rs.getString("note"),
                        rs.getObject("actor_id", UUID.class),
                        rs.getString("actor_name"),
                        rs.getObject("happened_at", OffsetDateTime.class).toInstant()))
                .list();
    }

    public void insertFinding(AuditOrder order, Finding finding) {
        jdbc.sql("""
                        INSERT INTO audit_finding (id, order_id, organisation_id, title, severity, description,
                            recommendation, recorded_by, recorded_at)
                        VALUES (:id, :order, :organisation, :title, :severity, :description, :recommendation, :by, :at)
                        """)
                .param("id", finding.id())
                .param("order", order.id().value())
                .param("organisation", order.organisationId())
                .param("title", finding.title())
                .param("severity", finding.severity().name())
                .param("description", finding.description())
                .param("recommendation", finding.recommendation())
                .param("by", finding.recordedBy())
                .param("at", utc(finding.recordedAt()))
                .update();
    }

    public List<Finding> findings(AuditOrderId id) {
        return jdbc.sql("""
                        SELECT id, title, severity, description, recommendation, recorded_by, recorded_at
                        FROM audit_finding WHERE order_id = :id ORDER BY recorded_at, id
                        """)
                .param("id", id.value())
                .query((rs, row) -> new Finding(
                        rs.getObject("id", UUID.class),
                        rs.getString("title"),
                        Severity.valueOf(rs.getString("severity")),
                        rs.getString("description"),
                        rs.getString("recommendation"),
                        rs.getObject("recorded_by", UUID.class),
                        rs.getObject("recorded_at", OffsetDateTime.class).toInstant()))
                .list();
    }

    public long findingCount(AuditOrderId id) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_finding WHERE order_id = :id")
                .param("id", id.value())
                .query(Long.class)
                .single();
    }

    public void storeReport(AuditOrderId id, byte[] content) {
        jdbc.sql("UPDATE audit_order SET report_content = :content WHERE id = :id")
                .param("content", content)
                .param("id", id.value())
                .update();
    }

    public Optional<byte[]> report(AuditOrderId id) {
        return jdbc.sql("SELECT report_content FROM audit_order WHERE id = :id AND report_content IS NOT NULL")
                .param("id", id.value())
                .query((rs, row) -> rs.getBytes("report_content"))
                .optional();
    }

    /** Whether the organisation had a basic audit completed, as the one that ordered it or as the partner. */
    public boolean basicCompleted(UUID organisationId) {
        return jdbc.sql("""
                                SELECT COUNT(*) FROM audit_order WHERE kind = 'BASIC' AND status = 'COMPLETED'
                                AND (organisation_id = :org OR partner_id = :org)
                                """).param("org", organisationId).query(Long.class).single() > 0;
    }

    /** The order waiting longest for credit on this line, other than the given one. */
    public Optional<AuditOrder> firstWaiting(BudgetLineId line, AuditOrderId except) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM audit_order WHERE budget_line_id = :line AND status ="
                        + " 'WAIT_LISTED' AND id <> :except ORDER BY wait_listed_at, requested_at, id LIMIT 1")
                .param("line", line.value())
                .param("except", except.value())
                .query(AuditOrderStore::order)
                .optional();
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static AuditOrder order(ResultSet rs, int row) throws SQLException {
        String heldFrom = rs.getString("held_from");
        UUID commitment = rs.getObject("commitment_id", UUID.class);
        String invoiceNumber = rs.getString("invoice_number");
        Invoice invoice = invoiceNumber == null
                ? null
                : new Invoice(
                        invoiceNumber,
                        rs.getObject("invoice_date", LocalDate.class),
                        new CompanyNumber(rs.getString("supplier")),
                        rs.getBigDecimal("invoice_excluding_vat"),
                        rs.getBigDecimal("invoice_vat"),
                        rs.getBigDecimal("invoice_total"));
        AuditOrder.Request request = new AuditOrder.Request(
                rs.getObject("organisation_id", UUID.class),
                rs.getString("organisation_name"),
                rs.getObject("partner_id", UUID.class),
                rs.getString("partner_name"),
                AuditKind.valueOf(rs.getString("kind")),
                rs.getBoolean("coaching_day"),
                new BudgetLineId(rs.getObject("budget_line_id", UUID.class)),
                rs.getBoolean("shares_include_vat"),
                new Quote(rs.getBigDecimal("quote_excluding_vat"), rs.getBigDecimal("quote_vat")));
        return new AuditOrder(
                new AuditOrderId(rs.getObject("id", UUID.class)),
                rs.getString("reference"),
                request,
                new Quote.Parts(
                        rs.getBigDecimal("programme_share"),
                        rs.getBigDecimal("organisation_share"),
                        rs.getBigDecimal("partner_share")),
                rs.getObject("requested_by", UUID.class),
                instant(rs, "requested_at"),
                rs.getInt("version"),
                new AuditOrder.State(
                        AuditStatus.valueOf(rs.getString("status")),
                        heldFrom == null ? null : AuditStatus.valueOf(heldFrom),
                        rs.getString("refusal_reason"),
                        commitment == null ? null : new CommitmentId(commitment),
                        rs.getBigDecimal("reserved"),
                        rs.getBoolean("capped"),
                        rs.getString("firm"),
                        rs.getObject("scheduled_on", LocalDate.class),
                        rs.getString("report_name"),
                        rs.getLong("report_size"),
                        invoice,
                        rs.getBigDecimal("programme_paid"),
                        rs.getBigDecimal("organisation_paid"),
                        instant(rs, "wait_listed_at")));
    }
}
