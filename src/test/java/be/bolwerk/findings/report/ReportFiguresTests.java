package be.bolwerk.findings.report;

import static org.assertj.core.api.Assertions.assertThat;

import be.bolwerk.TestUsers;
import be.bolwerk.findings.FindingStatus;
import be.bolwerk.findings.RegisterWrites;
import be.bolwerk.findings.Severity;
import be.bolwerk.organisation.OrganisationDetails;
import be.bolwerk.organisation.OrganisationManagement;
import be.bolwerk.organisation.OrganisationType;
import be.bolwerk.shared.security.CurrentUser;
import be.bolwerk.shared.security.OrganisationRole;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The SQL of the reports on hand-made histories, worked out by hand: the burn-down counts a finding open from its
 * creation until its closing step and again after a reopening (resolved still counts as open); the share closed
 * within the SLA compares the last closing step with the due date; the programme's median days to close comes from
 * the histogram with running totals, for an even and an odd number of closed findings with ties. Runs on H2 and,
 * with the PostgreSQL properties set, on PostgreSQL.
 */
@SpringBootTest
class ReportFiguresTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 2);
    private static final Set<String> CLOSED = Set.of("FIX_VERIFIED", "DUPLICATE", "FALSE_POSITIVE", "OUT_OF_SCOPE");

    private final RegisterFigures register;
    private final ProgrammeFigures programme;
    private final OrganisationManagement management;
    private final JdbcClient jdbc;
    private final String marker = "Rapporttest " + UUID.randomUUID().toString().substring(0, 8);

    ReportFiguresTests(
            @Autowired RegisterFigures register,
            @Autowired ProgrammeFigures programme,
            @Autowired OrganisationManagement management,
            @Autowired JdbcClient jdbc) {
        this.register = register;
        this.programme = programme;
        this.management = management;
        this.jdbc = jdbc;
    }

    @AfterEach
    void clean() {
        jdbc.sql("DELETE FROM finding WHERE title LIKE :m")
                .param("m", marker + "%")
                .update();
        RegisterWrites.moved(jdbc);
        jdbc.sql("DELETE FROM organisation WHERE name LIKE :m")
                .param("m", marker + "%")
                .update();
    }

    @Test
    void theFiguresAreKeptUntilTheRegisterChangesOrTheDayDoes() {
        UUID org = UUID.randomUUID();
        finding(org, Severity.HIGH, "NEW", at(2026, 11, 1), null);
        assertThat(register.of(org, TODAY).count(Severity.HIGH)).isEqualTo(1);

        // behind the store's back: no version moves
        jdbc.sql("UPDATE finding SET severity = 'LOW' WHERE organisation_id = :org")
                .param("org", org)
                .update();
        assertThat(register.of(org, TODAY).count(Severity.HIGH))
                .as("kept under the version")
                .isEqualTo(1);
        assertThat(register.of(org, TODAY.plusDays(1)).count(Severity.LOW))
                .as("a new day counts again")
                .isEqualTo(1);

        RegisterWrites.moved(jdbc);
        assertThat(register.of(org, TODAY).count(Severity.LOW))
                .as("a moved version counts again")
                .isEqualTo(1);
    }

    @Test
    void burnDownCountsAndShareWithinTheSla() {
        UUID org = UUID.randomUUID();
        finding(org, Severity.HIGH, "NEW", at(2026, 11, 1), null);
        finding(
                org,
                Severity.CRITICAL,
                "FIX_VERIFIED",
                at(2026, 10, 1),
                LocalDate.of(2026, 10, 8),
                step("FIX_VERIFIED", at(2026, 11, 15)));
        finding(
                org,
                Severity.MEDIUM,
                "REOPENED",
                at(2026, 9, 1),
                LocalDate.of(2026, 12, 1),
                step("FALSE_POSITIVE", at(2026, 9, 10)),
                step("REOPENED", at(2026, 10, 20)));
        finding(
                org,
                Severity.LOW,
                "DUPLICATE",
                at(2026, 8, 1),
                LocalDate.of(2026, 12, 31),
                step("DUPLICATE", at(2026, 8, 5)));
        finding(org, Severity.HIGH, "RESOLVED", at(2026, 11, 20), null, step("RESOLVED", at(2026, 11, 25)));

        RegisterFigures.Figures figures = register.of(org, TODAY);

        assertThat(figures.weeks()).hasSize(26);
        assertThat(figures.weeks().get(25).end()).isEqualTo(TODAY);
        assertThat(week(figures, TODAY))
                .containsEntry(Severity.HIGH, 2L)
                .containsEntry(Severity.MEDIUM, 1L)
                .containsEntry(Severity.CRITICAL, 0L)
                .containsEntry(Severity.LOW, 0L);
        assertThat(week(figures, LocalDate.of(2026, 11, 11)))
                .containsEntry(Severity.HIGH, 1L)
                .containsEntry(Severity.CRITICAL, 1L)
                .containsEntry(Severity.MEDIUM, 1L)
                .containsEntry(Severity.LOW, 0L);
        assertThat(week(figures, LocalDate.of(2026, 9, 9))).containsEntry(Severity.MEDIUM, 1L);
        assertThat(week(figures, LocalDate.of(2026, 9, 16)))
                .as("closed as a false positive, not yet reopened")
                .containsEntry(Severity.MEDIUM, 0L);
        assertThat(figures.weeks().get(0).total()).as("before anything arrived").isZero();

        assertThat(figures.overall()).isEqualTo(new Share(2, 1));
        assertThat(figures.overall().percent()).isEqualTo(50);
        assertThat(figures.perSeverity().get(Severity.CRITICAL).percent()).isZero();
        assertThat(figures.perSeverity().get(Severity.LOW).percent()).isEqualTo(100);
        assertThat(figures.perSeverity().get(Severity.HIGH).percent())
                .as("nothing closed")
                .isNull();

        assertThat(figures.counts().get(Severity.HIGH))
                .containsEntry(FindingStatus.NEW, 1L)
                .containsEntry(FindingStatus.RESOLVED, 1L);
        assertThat(figures.count(FindingStatus.DUPLICATE)).isEqualTo(1);
        assertThat(figures.total()).isEqualTo(5);
    }

    @Test
    void theProgrammeViewCountsPerTypeWithTheMedianDaysToClose() {
        UUID province = organisation(OrganisationType.PROVINCE);
        UUID police = organisation(OrganisationType.POLICE_ZONE);
        // Province: closed after 2, 4, 4, 10, 30 and 30 days: the median is halfway between 4 and 10.
        int[] provinceDays = {2, 4, 4, 10, 30, 30};
        for (int days : provinceDays) {
            closed(province, days, days <= 10);
        }
        finding(province, Severity.CRITICAL, "NEW", at(2026, 11, 1), null);
        // Police zone: 1, 3, 3, 9 and 9 days: the middle one is 3.
        for (int days : new int[] {9, 3, 1, 9, 3}) {
            closed(police, days, true);
        }
        CurrentUser both = new CurrentUser(
                UUID.randomUUID(),
                "beide@test.invalid",
                "Beide",
                null,
                true,
                Set.of(),
                Map.of(province, OrganisationRole.VIEWER, police, OrganisationRole.VIEWER));

        List<ProgrammeFigures.TypeFigures> figures = programme.of(both).types();

        assertThat(figures)
                .extracting(ProgrammeFigures.TypeFigures::type)
                .containsExactly(OrganisationType.POLICE_ZONE, OrganisationType.PROVINCE);
        ProgrammeFigures.TypeFigures provinces = figures.get(1);
        assertThat(provinces.organisations()).isEqualTo(1);
        assertThat(provinces.total()).isEqualTo(7);
        assertThat(provinces.bySeverity()).containsEntry(Severity.CRITICAL, 1L).containsEntry(Severity.HIGH, 6L);
        assertThat(provinces.byStatus())
                .containsEntry(FindingStatus.FIX_VERIFIED, 6L)
                .containsEntry(FindingStatus.NEW, 1L);
        assertThat(provinces.medianDays()).isEqualByComparingTo(new BigDecimal("7.0"));
        assertThat(provinces.withinSla()).isEqualTo(new Share(6, 4));
        ProgrammeFigures.TypeFigures zones = figures.get(0);
        assertThat(zones.medianDays()).isEqualByComparingTo(new BigDecimal("3.0"));
        assertThat(zones.withinSla().percent()).isEqualTo(100);
    }

    @Test
    void theBurnDownFollowsEveryClosingAndReopening() {
        UUID org = UUID.randomUUID();
        // Open 1 July, false positive 10 July, reopened 20 August, fixed and verified 5 October.
        finding(
                org,
                Severity.MEDIUM,
                "FIX_VERIFIED",
                at(2026, 7, 1),
                LocalDate.of(2026, 10, 31),
                step("FALSE_POSITIVE", at(2026, 7, 10)),
                step("REOPENED", at(2026, 8, 20)),
                step("CONFIRMED", at(2026, 8, 21)),
                step("RESOLVED", at(2026, 9, 1)),
                step("RETESTED", at(2026, 10, 5)),
                step("FIX_VERIFIED", at(2026, 10, 5)));
        // Open 1 July, a duplicate on 5 July, reopened 20 July and open since.
        finding(
                org,
                Severity.HIGH,
                "REOPENED",
                at(2026, 7, 1),
                LocalDate.of(2026, 7, 31),
                step("DUPLICATE", at(2026, 7, 5)),
                step("REOPENED", at(2026, 7, 20)));

        RegisterFigures.Figures figures = register.of(org, TODAY);

        assertThat(week(figures, LocalDate.of(2026, 6, 24)).values())
                .as("not yet arrived")
                .containsOnly(0L);
        assertThat(week(figures, LocalDate.of(2026, 7, 8)))
                .as("the duplicate closed, the other still open")
                .containsEntry(Severity.MEDIUM, 1L)
                .containsEntry(Severity.HIGH, 0L);
        assertThat(week(figures, LocalDate.of(2026, 7, 15)))
                .as("both closed")
                .containsEntry(Severity.MEDIUM, 0L)
                .containsEntry(Severity.HIGH, 0L);
        assertThat(week(figures, LocalDate.of(2026, 8, 19)))
                .as("the duplicate reopened, the false positive not yet")
                .containsEntry(Severity.MEDIUM, 0L)
                .containsEntry(Severity.HIGH, 1L);
        assertThat(week(figures, LocalDate.of(2026, 9, 30)))
                .as("both open")
                .containsEntry(Severity.MEDIUM, 1L)
                .containsEntry(Severity.HIGH, 1L);
        assertThat(week(figures, LocalDate.of(2026, 10, 7)))
                .as("fixed for good")
                .containsEntry(Severity.MEDIUM, 0L)
                .containsEntry(Severity.HIGH, 1L);
        assertThat(week(figures, TODAY)).containsEntry(Severity.MEDIUM, 0L).containsEntry(Severity.HIGH, 1L);
        assertThat(figures.overall()).as("closed once, within its due date").isEqualTo(new Share(1, 1));
    }

    @Test
    void officersWhoSeeDifferentOrganisationsGetTheirOwnFigures() {
        UUID small = organisation(OrganisationType.PROVINCE, "klein");
        UUID large = organisation(OrganisationType.PROVINCE, "groot");
        finding(small, Severity.LOW, "NEW", at(2026, 11, 1), null);
        for (int i = 0; i < 3; i++) {
            finding(large, Severity.HIGH, "NEW", at(2026, 11, 1), null);
        }
        CurrentUser both = viewerOf(small, large);
        CurrentUser one = viewerOf(small);

        ProgrammeFigures.Programme ofBoth = programme.of(both);
        ProgrammeFigures.Programme ofOne = programme.of(one);

        assertThat(ofBoth.types()).singleElement().satisfies(t -> {
            assertThat(t.organisations()).isEqualTo(2);
            assertThat(t.total()).isEqualTo(4);
        });
        assertThat(ofOne.types()).singleElement().satisfies(t -> {
            assertThat(t.organisations()).isEqualTo(1);
            assertThat(t.total())
                    .as("not the figures of the officer who sees more")
                    .isEqualTo(1);
            assertThat(t.bySeverity()).containsEntry(Severity.HIGH, 0L);
        });

        finding(small, Severity.LOW, "NEW", at(2026, 11, 2), null);
        ProgrammeFigures.Programme again = programme.of(one);
        assertThat(again.computedAt()).as("served from the cache").isEqualTo(ofOne.computedAt());
        assertThat(again.types().get(0).total()).isEqualTo(1);
    }

    @Test
    void aPersonWithoutOrganisationsSeesNoFigures() {
        assertThat(programme
                        .of(TestUsers.persona(be.bolwerk.shared.security.Persona.STUDENT))
                        .types())
                .isEmpty();
    }

    private static Map<Severity, Long> week(RegisterFigures.Figures figures, LocalDate end) {
        return figures.weeks().stream()
                .filter(w -> w.end().equals(end))
                .findFirst()
                .orElseThrow()
                .open();
    }

    private record Step(String kind, OffsetDateTime at) {}

    private static Step step(String kind, OffsetDateTime at) {
        return new Step(kind, at);
    }

    private static OffsetDateTime at(int year, int month, int day) {
        return OffsetDateTime.of(year, month, day, 10, 0, 0, 0, ZoneOffset.UTC);
    }

    /** A finding closed as fixed {@code days} whole days (and an hour) after it arrived, in or after its SLA. */
    private void closed(UUID org, int days, boolean inTime) {
        OffsetDateTime created = at(2026, 6, 1);
        OffsetDateTime closedAt = created.plusDays(days).plusHours(1);
        LocalDate due = inTime ? closedAt.toLocalDate() : closedAt.toLocalDate().minusDays(1);
        finding(org, Severity.HIGH, "FIX_VERIFIED", created, due, step("FIX_VERIFIED", closedAt));
    }

    /**
     * A finding with its history; a closed one has the closing moment the domain gives it (ADR 0033): the moment of
     * its last closing step.
     */
    private void finding(
            UUID org, Severity severity, String status, OffsetDateTime created, LocalDate due, Step... steps) {
        UUID id = UUID.randomUUID();
        OffsetDateTime closedAt = null;
        if (CLOSED.contains(status)) {
            for (Step step : steps) {
                if (CLOSED.contains(step.kind())) {
                    closedAt = step.at();
                }
            }
        }
        jdbc.sql("""
                        INSERT INTO finding (id, organisation_id, title, description, source, severity, affected_system,
                            recommendation, sla_start, due_date, control_ref, known_exploited, external_id, status,
                            closed_at, created_at, revision)
                        VALUES (:id, :org, :title, '', 'MANUAL', :severity, '', '', :start, :due, '', FALSE, '',
                            :status, :closedAt, :created, 0)
                        """)
                .param("id", id)
                .param("org", org)
                .param("title", marker + " " + id)
                .param("severity", severity.name())
                .param("start", created.toLocalDate())
                .param("due", due)
                .param("status", status)
                .param("closedAt", closedAt)
                .param("created", created)
                .update();
        RegisterWrites.moved(jdbc);
        int seq = 1;
        history(id, org, seq++, "RAISED", created);
        for (Step step : steps) {
            history(id, org, seq++, step.kind(), step.at());
        }
    }

    private void history(UUID finding, UUID org, int seq, String step, OffsetDateTime at) {
        jdbc.sql("""
                        INSERT INTO finding_history (finding_id, organisation_id, seq, step, actor_name, at)
                        VALUES (:finding, :org, :seq, :step, 'Test', :at)
                        """)
                .param("finding", finding)
                .param("org", org)
                .param("seq", seq)
                .param("step", step)
                .param("at", at)
                .update();
    }

    private static CurrentUser viewerOf(UUID... organisations) {
        Map<UUID, OrganisationRole> memberships = new java.util.HashMap<>();
        for (UUID organisation : organisations) {
            memberships.put(organisation, OrganisationRole.VIEWER);
        }
        return new CurrentUser(UUID.randomUUID(), "kijker@test.invalid", "Kijker", null, true, Set.of(), memberships);
    }

    private UUID organisation(OrganisationType type) {
        return organisation(type, "");
    }

    private UUID organisation(OrganisationType type, String name) {
        SecurityContextHolder.getContext().setAuthentication(TestUsers.fullySignedIn(TestUsers.programmeOfficer()));
        try {
            return management
                    .register(new OrganisationDetails(
                            marker + " " + type + (name.isEmpty() ? "" : " " + name),
                            type,
                            null,
                            null,
                            null,
                            "info@test.invalid",
                            null))
                    .value();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
