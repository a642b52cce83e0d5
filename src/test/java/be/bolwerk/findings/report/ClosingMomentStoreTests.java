package be.bolwerk.findings.report;

import static org.assertj.core.api.Assertions.assertThat;

import be.bolwerk.TestUsers;
import be.bolwerk.findings.FindingId;
import be.bolwerk.findings.RegisterWrites;
import be.bolwerk.findings.RetestResult;
import be.bolwerk.findings.Severity;
import be.bolwerk.findings.register.Finding;
import be.bolwerk.findings.register.Handling;
import be.bolwerk.findings.register.Raising;
import be.bolwerk.organisation.demo.DemoOrganisationIds;
import be.bolwerk.shared.security.CurrentUser;
import be.bolwerk.shared.security.OrganisationRole;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/**
 * The closing moment in the database (ADR 0033): a finding closed through the use case has {@code closed_at} equal
 * to the moment of its closing line in the history, reopening clears it; and V37's backfill gives findings closed
 * before it the moment of their last closing line. Runs on H2 and, with the PostgreSQL properties set, on PostgreSQL.
 */
@SpringBootTest
class ClosingMomentStoreTests {

    private static final UUID APPELKERKE = DemoOrganisationIds.APPELKERKE.value();

    private final Raising raising;
    private final Handling handling;
    private final JdbcClient jdbc;
    private final CurrentUser admin = TestUsers.member(APPELKERKE, OrganisationRole.ORGANISATION_ADMIN);
    private final String marker = "Sluitmoment " + UUID.randomUUID().toString().substring(0, 8);

    ClosingMomentStoreTests(@Autowired Raising raising, @Autowired Handling handling, @Autowired JdbcClient jdbc) {
        this.raising = raising;
        this.handling = handling;
        this.jdbc = jdbc;
    }

    @AfterEach
    void clean() {
        jdbc.sql("DELETE FROM finding WHERE title LIKE :m")
                .param("m", marker + "%")
                .update();
        RegisterWrites.moved(jdbc);
    }

    @Test
    void aFindingClosedThroughTheUseCaseHasTheMomentOfItsHistory() {
        FindingId fixed = raise("hersteld");
        handling.confirm(fixed, admin);
        handling.resolve(fixed, "Gepatcht", admin);
        assertThat(closedAt(fixed)).as("resolved is not closed").isNull();
        handling.retest(fixed, LocalDate.of(2026, 1, 5), "Auditor", RetestResult.FIXED, null, admin);
        assertThat(closedAt(fixed)).isNotNull().isEqualTo(lastLine(fixed, "FIX_VERIFIED"));

        FindingId falsePositive = raise("vals alarm");
        handling.markFalsePositive(falsePositive, "Klopt niet", admin);
        assertThat(closedAt(falsePositive)).isNotNull().isEqualTo(lastLine(falsePositive, "FALSE_POSITIVE"));
        handling.reopen(falsePositive, "Toch wel", admin);
        assertThat(closedAt(falsePositive)).as("reopened").isNull();
        handling.markOutOfScope(falsePositive, "Van de leverancier", admin);
        assertThat(closedAt(falsePositive)).isNotNull().isEqualTo(lastLine(falsePositive, "OUT_OF_SCOPE"));

        FindingId duplicate = raise("dubbel");
        handling.markDuplicate(duplicate, fixed, admin);
        assertThat(closedAt(duplicate)).isNotNull().isEqualTo(lastLine(duplicate, "DUPLICATE"));
    }

    @Test
    @Transactional
    void theMigrationGivesEarlierClosedFindingsTheirLastClosingLine() throws IOException {
        UUID twice = written("FIX_VERIFIED");
        history(twice, 2, "FALSE_POSITIVE", at(3));
        history(twice, 3, "REOPENED", at(4));
        history(twice, 4, "FIX_VERIFIED", at(9));
        UUID open = written("REOPENED");
        history(open, 2, "DUPLICATE", at(2));
        history(open, 3, "REOPENED", at(5));
        UUID outOfScope = written("OUT_OF_SCOPE");
        history(outOfScope, 2, "OUT_OF_SCOPE", at(6));

        String migration = new ClassPathResource("db/migration/V37__finding_closed_at.sql")
                .getContentAsString(StandardCharsets.UTF_8);
        int start = migration.indexOf("UPDATE finding SET closed_at");
        String backfill = migration.substring(start, migration.indexOf(';', start));
        jdbc.sql(backfill).update();
        RegisterWrites.moved(jdbc);

        assertThat(closedAt(new FindingId(twice))).isEqualTo(at(9));
        assertThat(closedAt(new FindingId(open))).as("reopened: open").isNull();
        assertThat(closedAt(new FindingId(outOfScope))).isEqualTo(at(6));
    }

    private FindingId raise(String title) {
        return raising.raise(
                APPELKERKE,
                new Finding.Details(marker + " " + title, "", Severity.HIGH, "", "", null, null, "", false, ""),
                admin);
    }

    private OffsetDateTime closedAt(FindingId id) {
        OffsetDateTime at = jdbc.sql("SELECT closed_at FROM finding WHERE id = :id")
                .param("id", id.value())
                .query((rs, row) -> rs.getObject("closed_at", OffsetDateTime.class))
                .list()
                .get(0);
        return at == null ? null : at.withOffsetSameInstant(ZoneOffset.UTC);
    }

    private OffsetDateTime lastLine(FindingId id, String step) {
        return jdbc.sql("SELECT at FROM finding_history WHERE finding_id = :id AND step = :step ORDER BY seq DESC")
                .param("id", id.value())
                .param("step", step)
                .query((rs, row) -> rs.getObject("at", OffsetDateTime.class))
                .list()
                .get(0)
                .withOffsetSameInstant(ZoneOffset.UTC);
    }

    private static OffsetDateTime at(int day) {
        return OffsetDateTime.of(2026, 3, day, 10, 0, 0, 0, ZoneOffset.UTC);
    }

    /** A finding written as before V37: in its status, without a closing moment, raised on the first. */
    private UUID written(String status) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO finding (id, organisation_id, title, description, source, severity, affected_system,
                            recommendation, sla_start, control_ref, known_exploited, external_id, status, created_at,
                            revision)
                        VALUES (:id, :org, :title, '', 'MANUAL', 'HIGH', '', '', :start, '', FALSE, '', :status,
                            :created, 0)
                        """)
                .param("id", id)
                .param("org", APPELKERKE)
                .param("title", marker + " " + id)
                .param("start", at(1).toLocalDate())
                .param("status", status)
                .param("created", at(1))
                .update();
        RegisterWrites.moved(jdbc);
        history(id, 1, "RAISED", at(1));
        return id;
    }

    private void history(UUID finding, int seq, String step, OffsetDateTime at) {
        jdbc.sql("""
                        INSERT INTO finding_history (finding_id, organisation_id, seq, step, actor_name, at)
                        VALUES (:finding, :org, :seq, :step, 'Test', :at)
                        """)
                .param("finding", finding)
                .param("org", APPELKERKE)
                .param("seq", seq)
                .param("step", step)
                .param("at", at)
                .update();
    }
}
