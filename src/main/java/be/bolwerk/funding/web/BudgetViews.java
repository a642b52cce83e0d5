package be.bolwerk.funding.web;

import be.bolwerk.funding.BudgetLineSummary;
import be.bolwerk.funding.Money;
import be.bolwerk.funding.ledger.CommitmentStatus;
import be.bolwerk.funding.ledger.LedgerEntry;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Turns lines and ledger entries into what the pages show, worked out once in Java (ADR 0016): amounts in
 * euros, dates and labels in the reader's language, and the monthly figures of the chart.
 */
@Component
class BudgetViews {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd-MM-yyyy");
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM yyyy");

    private final MessageSource messages;

    BudgetViews(MessageSource messages) {
        this.messages = messages;
    }

    /** One line in the list or at the top of its page. */
    public record LineView(
            String id,
            String name,
            int year,
            String purpose,
            String owner,
            String period,
            String vat,
            String credit,
            String committed,
            String paid,
            String available) {}

    /** One commitment in the ledger table. */
    public record EntryView(
            String reference,
            String status,
            String committedOn,
            String amount,
            String invoice,
            String supplier,
            String invoiceTotal,
            String programmeShare,
            String organisationShare,
            String settledOn) {}

    /**
     * The chart's data: per month, the cumulative commitments made and the cumulative payments, in whole euros
     * as plain numbers for the script, and the same as a table for people who do not see the chart.
     */
    public record Chart(String labels, String committed, String paid, String credit, List<ChartRow> rows) {}

    public record ChartRow(String month, String committed, String paid) {}

    LineView line(BudgetLineSummary line, Locale locale) {
        return new LineView(
                line.id().toString(),
                line.name(),
                line.year(),
                text("funding.purpose." + line.purpose(), locale),
                line.owner(),
                date(line.validFrom(), locale) + " – " + date(line.validUntil(), locale),
                text(line.sharesIncludeVat() ? "funding.vat.included" : "funding.vat.excluded", locale),
                Money.euro(line.credit()),
                Money.euro(line.committed()),
                Money.euro(line.paid()),
                Money.euro(line.available()));
    }

    List<LineView> lines(List<BudgetLineSummary> lines, Locale locale) {
        return lines.stream().map(l -> line(l, locale)).toList();
    }

    List<EntryView> entries(List<LedgerEntry> entries, Locale locale) {
        return entries.stream()
                .map(e -> new EntryView(
                        e.reference(),
                        text("funding.status." + e.status(), locale),
                        date(e.committedOn(), locale),
                        Money.euro(e.amount()),
                        e.invoiceNumber() == null ? "" : e.invoiceNumber() + " (" + date(e.invoiceDate(), locale) + ")",
                        e.supplierCompanyNumber() == null ? "" : e.supplierCompanyNumber(),
                        e.invoiceTotal() == null ? "" : Money.euro(e.invoiceTotal()),
                        e.programmeShare() == null ? "" : Money.euro(e.programmeShare()),
                        e.organisationShare() == null ? "" : Money.euro(e.organisationShare()),
                        e.status() == CommitmentStatus.SETTLED
                                ? date(e.paidOn(), locale)
                                : e.status() == CommitmentStatus.RELEASED ? date(e.releasedOn(), locale) : ""))
                .toList();
    }

    /**
     * From January of the line's year to December, or later when a payment fell in a later year. Commitments
     * count in the month they were made, and keep counting once paid (the chart shows what was promised and
     * what was paid over time); released ones leave the curve in the month they were released.
     */
    Chart chart(BudgetLineSummary line, List<LedgerEntry> entries, Locale locale) {
        YearMonth first = YearMonth.of(line.year(), 1);
        YearMonth last = YearMonth.of(line.year(), 12);
        for (LedgerEntry e : entries) {
            for (LocalDate day : new LocalDate[] {e.committedOn(), e.paidOn(), e.releasedOn()}) {
                if (day != null && YearMonth.from(day).isAfter(last)) {
                    last = YearMonth.from(day);
                }
                if (day != null && YearMonth.from(day).isBefore(first)) {
                    first = YearMonth.from(day);
                }
            }
        }
        List<String> labels = new ArrayList<>();
        List<BigDecimal> committed = new ArrayList<>();
        List<BigDecimal> paid = new ArrayList<>();
        List<ChartRow> rows = new ArrayList<>();
        for (YearMonth month = first; !month.isAfter(last); month = month.plusMonths(1)) {
            YearMonth end = month;
            BigDecimal c = BigDecimal.ZERO;
            BigDecimal p = BigDecimal.ZERO;
            for (LedgerEntry e : entries) {
                boolean made = !YearMonth.from(e.committedOn()).isAfter(end);
                boolean released = e.releasedOn() != null
                        && !YearMonth.from(e.releasedOn()).isAfter(end);
                if (made && !released) {
                    c = c.add(e.amount());
                }
                if (e.paidOn() != null && !YearMonth.from(e.paidOn()).isAfter(end)) {
                    p = p.add(e.programmeShare());
                }
            }
            String label = MONTH.withLocale(locale).format(month);
            labels.add(label);
            committed.add(c);
            paid.add(p);
            rows.add(new ChartRow(label, Money.euro(c), Money.euro(p)));
        }
        return new Chart(
                String.join("|", labels),
                plain(committed),
                plain(paid),
                line.credit().toPlainString(),
                rows);
    }

    private static String plain(List<BigDecimal> values) {
        return values.stream().map(BigDecimal::toPlainString).collect(Collectors.joining(" "));
    }

    private static String date(LocalDate day, Locale locale) {
        return day == null ? "" : DAY.format(day);
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }
}
