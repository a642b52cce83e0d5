package be.bolwerk.funding.ledger;

import be.bolwerk.funding.BudgetLineId;
import be.bolwerk.funding.BudgetLineSummary;
import be.bolwerk.funding.BudgetPurpose;
import be.bolwerk.funding.CommitmentId;
import be.bolwerk.funding.Invoice;
import java.math.BigDecimal;
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
 * The one class that writes the funding tables (ADR 0002, ADR 0023). Every write that takes credit is one
 * conditional UPDATE with the credit check in its WHERE clause: the database serialises two officers on the
 * line's row, the second re-reads the figures the first left, and finds no credit. The caller learns from the
 * row count whether it took the credit and refuses otherwise; nothing is read first and written later.
 */
@Repository
public class LedgerStore {

    private static final String LINE_COLUMNS = "id, name, budget_year, purpose, owner, valid_from, valid_until,"
            + " shares_include_vat, credit, committed, paid";
    private static final String ENTRY_COLUMNS = "id, reference, organisation_id, amount, capped, status,"
            + " committed_on, invoice_number, invoice_date, supplier_company_number, amount_excluding_vat, vat,"
            + " invoice_total, programme_share, organisation_share, paid_on, released_on";

    private final JdbcClient jdbc;

    LedgerStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(BudgetLineSummary line, UUID by, Instant at) {
        jdbc.sql("INSERT INTO budget_line (" + LINE_COLUMNS + ", created_by, created_at) VALUES (:id, :name, :year,"
                        + " :purpose, :owner, :from, :until, :vat, :credit, 0, 0, :by, :at)")
                .param("id", line.id().value())
                .param("name", line.name())
                .param("year", line.year())
                .param("purpose", line.purpose().name())
                .param("owner", line.owner())
                .param("from", line.validFrom())
                .param("until", line.validUntil())
                .param("vat", line.sharesIncludeVat())
                .param("credit", line.credit())
                .param("by", by)
                .param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .update();
    }

    public boolean nameTaken(int year, String name, BudgetLineId except) {
        return jdbc.sql("SELECT COUNT(*) FROM budget_line WHERE budget_year = :year AND LOWER(name) = LOWER(:name)"
                                + " AND id <> :except")
                        .param("year", year)
                        .param("name", name)
                        .param("except", except.value())
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** Changes a line; the new credit only if it still covers what is committed and paid. False otherwise. */
    public boolean adjust(BudgetLineSummary line) {
        return jdbc.sql("""
                                UPDATE budget_line SET name = :name, owner = :owner, valid_from = :from,
                                    valid_until = :until, shares_include_vat = :vat, credit = :credit
                                WHERE id = :id AND committed + paid <= :credit
                                """)
                        .param("name", line.name())
                        .param("owner", line.owner())
                        .param("from", line.validFrom())
                        .param("until", line.validUntil())
                        .param("vat", line.sharesIncludeVat())
                        .param("credit", line.credit())
                        .param("id", line.id().value())
                        .update()
                == 1;
    }

    public Optional<BudgetLineSummary> find(BudgetLineId id) {
        return jdbc.sql("SELECT " + LINE_COLUMNS + " FROM budget_line WHERE id = :id")
                .param("id", id.value())
                .query(LedgerStore::line)
                .optional();
    }

    /** All lines of a year, or of every year when null; newest year first, then by name. */
    public List<BudgetLineSummary> lines(Integer year) {
        return jdbc.sql("SELECT " + LINE_COLUMNS + " FROM budget_line WHERE (CAST(:year AS INTEGER) IS NULL OR"
                        + " budget_year = :year) ORDER BY budget_year DESC, name")
                .param("year", year)
                .query(LedgerStore::line)
                .list();
    }

    public List<Integer> years() {
        return jdbc.sql("SELECT DISTINCT budget_year FROM budget_line ORDER BY budget_year DESC")
                .query(Integer.class)
                .list();
    }

    /** Takes the amount from the line's available credit, or nothing when it does not cover it. */
    public boolean commit(BudgetLineId line, BigDecimal amount) {
        return jdbc.sql("UPDATE budget_line SET committed = committed + :amount"
                                + " WHERE id = :id AND credit - committed - paid >= :amount")
                        .param("amount", amount)
                        .param("id", line.value())
                        .update()
                == 1;
    }

    public void insertCommitment(
            CommitmentId id,
            BudgetLineId line,
            String reference,
            UUID organisationId,
            BigDecimal amount,
            boolean capped,
            LocalDate on,
            UUID by) {
        jdbc.sql("""
                        INSERT INTO budget_commitment (id, budget_line_id, reference, organisation_id, amount, capped,
                            status, committed_on, committed_by)
                        VALUES (:id, :line, :reference, :organisation, :amount, :capped, 'OPEN', :on, :by)
                        """)
                .param("id", id.value())
                .param("line", line.value())
                .param("reference", reference)
                .param("organisation", organisationId)
                .param("amount", amount)
                .param("capped", capped)
                .param("on", on)
                .param("by", by)
                .update();
    }

    /**
     * Moves a commitment from open to paid on its line: the reserved amount leaves {@code committed}, the
     * programme's share joins {@code paid}, in one UPDATE whose WHERE clause checks that the line covers a share
     * larger than the reservation. False when it does not.
     */
    public boolean pay(BudgetLineId line, BigDecimal reserved, BigDecimal share) {
        return jdbc.sql("""
                                UPDATE budget_line SET committed = committed - :reserved, paid = paid + :share
                                WHERE id = :id AND committed >= :reserved
                                  AND credit - committed - paid + :reserved >= :share
                                """)
                        .param("reserved", reserved)
                        .param("share", share)
                        .param("id", line.value())
                        .update()
                == 1;
    }

    /** Marks the commitment settled, only if it was still open: false when someone settled or released it first. */
    public boolean settle(
            CommitmentId id, Invoice invoice, BigDecimal programme, BigDecimal organisation, LocalDate on) {
        return jdbc.sql("""
                                UPDATE budget_commitment SET status = 'SETTLED', invoice_number = :number,
                                    invoice_date = :date, supplier_company_number = :supplier,
                                    amount_excluding_vat = :excl, vat = :vat, invoice_total = :total,
                                    programme_share = :programme, organisation_share = :organisation, paid_on = :on
                                WHERE id = :id AND status = 'OPEN'
                                """)
                        .param("number", invoice.number())
                        .param("date", invoice.date())
                        .param("supplier", invoice.supplier().digits())
                        .param("excl", invoice.amountExcludingVat())
                        .param("vat", invoice.vat())
                        .param("total", invoice.total())
                        .param("programme", programme)
                        .param("organisation", organisation)
                        .param("on", on)
                        .param("id", id.value())
                        .update()
                == 1;
    }

    /** Marks the commitment released, only if it was still open. */
    public boolean release(CommitmentId id, LocalDate on) {
        return jdbc.sql("UPDATE budget_commitment SET status = 'RELEASED', released_on = :on"
                                + " WHERE id = :id AND status = 'OPEN'")
                        .param("on", on)
                        .param("id", id.value())
                        .update()
                == 1;
    }

    public void uncommit(BudgetLineId line, BigDecimal amount) {
        jdbc.sql("UPDATE budget_line SET committed = committed - :amount WHERE id = :id")
                .param("amount", amount)
                .param("id", line.value())
                .update();
    }

    public Optional<Commitment> commitment(CommitmentId id) {
        return jdbc.sql("SELECT budget_line_id, " + ENTRY_COLUMNS + " FROM budget_commitment WHERE id = :id")
                .param("id", id.value())
                .query((rs, row) ->
                        new Commitment(new BudgetLineId(rs.getObject("budget_line_id", UUID.class)), entry(rs, row)))
                .optional();
    }

    /** The ledger of a line in the order things were committed. */
    public List<LedgerEntry> entries(BudgetLineId line) {
        return jdbc.sql("SELECT " + ENTRY_COLUMNS + " FROM budget_commitment WHERE budget_line_id = :line"
                        + " ORDER BY committed_on, reference, id")
                .param("line", line.value())
                .query(LedgerStore::entry)
                .list();
    }

    /** A commitment and the line it draws on. */
    public record Commitment(BudgetLineId line, LedgerEntry entry) {}

    private static BudgetLineSummary line(ResultSet rs, int row) throws SQLException {
        return new BudgetLineSummary(
                new BudgetLineId(rs.getObject("id", UUID.class)),
                rs.getString("name"),
                rs.getInt("budget_year"),
                BudgetPurpose.valueOf(rs.getString("purpose")),
                rs.getString("owner"),
                rs.getObject("valid_from", LocalDate.class),
                rs.getObject("valid_until", LocalDate.class),
                rs.getBoolean("shares_include_vat"),
                rs.getBigDecimal("credit"),
                rs.getBigDecimal("committed"),
                rs.getBigDecimal("paid"));
    }

    private static LedgerEntry entry(ResultSet rs, int row) throws SQLException {
        return new LedgerEntry(
                new CommitmentId(rs.getObject("id", UUID.class)),
                rs.getString("reference"),
                rs.getObject("organisation_id", UUID.class),
                rs.getBigDecimal("amount"),
                rs.getBoolean("capped"),
                CommitmentStatus.valueOf(rs.getString("status")),
                rs.getObject("committed_on", LocalDate.class),
                rs.getString("invoice_number"),
                rs.getObject("invoice_date", LocalDate.class),
                rs.getString("supplier_company_number"),
                rs.getBigDecimal("amount_excluding_vat"),
                rs.getBigDecimal("vat"),
                rs.getBigDecimal("invoice_total"),
                rs.getBigDecimal("programme_share"),
                rs.getBigDecimal("organisation_share"),
                rs.getObject("paid_on", LocalDate.class),
                rs.getObject("released_on", LocalDate.class));
    }
}
