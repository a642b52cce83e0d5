package be.bolwerk.funding;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Budget lines and commitments written straight into the tables, for tests of other classes. */
public final class FundingFixtures {

    private FundingFixtures() {}

    /** A line valid this whole year (and the next), with this credit and a unique name. */
    public static UUID line(JdbcClient jdbc, String credit, boolean sharesIncludeVat) {
        UUID id = UUID.randomUUID();
        int year = LocalDate.now().getYear();
        jdbc.sql("""
                        INSERT INTO budget_line (id, name, budget_year, purpose, credit, committed, paid, owner,
                            valid_from, valid_until, shares_include_vat, created_at)
                        VALUES (:id, :name, :year, 'BASIC_AUDITS', :credit, 0, 0, 'Testbureau', :from, :until, :vat,
                            :at)
                        """)
                .param("id", id)
                .param("name", "Testlijn " + id)
                .param("year", year)
                .param("credit", new BigDecimal(credit))
                .param("from", LocalDate.of(year - 1, 1, 1))
                .param("until", LocalDate.of(year + 1, 12, 31))
                .param("vat", sharesIncludeVat)
                .param("at", OffsetDateTime.ofInstant(Instant.now(), ZoneOffset.UTC))
                .update();
        return id;
    }

    /** A line with one open commitment of 100,00 for the organisation; its id as text. */
    public static String lineWithCommitment(JdbcClient jdbc, UUID organisationId) {
        UUID line = line(jdbc, "1000.00", true);
        jdbc.sql("UPDATE budget_line SET committed = 100.00 WHERE id = :id")
                .param("id", line)
                .update();
        jdbc.sql("""
                        INSERT INTO budget_commitment (id, budget_line_id, reference, organisation_id, amount, status,
                            committed_on)
                        VALUES (:id, :line, 'Basisaudit van het slachtoffer', :organisation, 100.00, 'OPEN', :on)
                        """)
                .param("id", UUID.randomUUID())
                .param("line", line)
                .param("organisation", organisationId)
                .param("on", LocalDate.now())
                .update();
        return line.toString();
    }
}
