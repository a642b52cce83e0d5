package be.bolwerk.incident.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import be.bolwerk.incident.IncidentCategory;
import be.bolwerk.incident.IncidentFixtures;
import be.bolwerk.incident.IncidentSeverity;
import be.bolwerk.incident.Tlp;
import be.bolwerk.incident.dashboard.DashboardFigures.Breach;
import be.bolwerk.incident.dashboard.DashboardFigures.Containment;
import be.bolwerk.incident.dashboard.DashboardFigures.Month;
import be.bolwerk.incident.dashboard.DashboardFigures.Rate;
import be.bolwerk.incident.handling.Actor;
import be.bolwerk.incident.handling.Incident;
import be.bolwerk.incident.handling.IncidentStore;
import be.bolwerk.incident.intake.IncidentProperties;
import be.bolwerk.organisation.demo.DemoOrganisationIds;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The dashboard's SQL with fixed instants in 2031, a year no other test reports in, so that the counts are exactly
 * this test's incidents: a first response after the SLA is a breach and one within is not, a report just after
 * midnight Brussels time on 1 February is February's, and median and 90th percentile of the hours to contain are
 * interpolated as worked out by hand.
 */
@SpringBootTest
class DashboardQueriesTests {

    private static final UUID APPELKERKE = DemoOrganisationIds.APPELKERKE.value();
    private static final Actor ANALYST = new Actor(UUID.randomUUID(), "Analist");

    private final DashboardQueries queries;
    private final IncidentFixtures fixtures;
    private final IncidentStore store;
    private final IncidentProperties properties;
    private final JdbcClient jdbc;
    private final String marker = "Dashboard " + UUID.randomUUID().toString().substring(0, 8);

    DashboardQueriesTests(
            @Autowired DashboardQueries queries,
            @Autowired IncidentFixtures fixtures,
            @Autowired IncidentStore store,
            @Autowired IncidentProperties properties,
            @Autowired JdbcClient jdbc) {
        this.queries = queries;
        this.fixtures = fixtures;
        this.store = store;
        this.properties = properties;
        this.jdbc = jdbc;
    }

    @AfterEach
    void clean() {
        fixtures.removeMarked(marker);
    }

    private Incident reported(Instant at) {
        return fixtures.report(APPELKERKE, marker + " melding", new Actor(UUID.randomUUID(), "Ilse"), at);
    }

    private Incident triaged(Instant reported, IncidentSeverity severity, IncidentCategory category, Instant at) {
        Incident incident = reported(reported);
        incident.triage(severity, category, ANALYST, Tlp.AMBER, ANALYST, at);
        store.update(incident);
        return store.find(incident.id()).orElseThrow();
    }

    @Test
    void aFirstResponseAfterTheSlaIsABreachAndOneWithinIsNot() {
        Instant base = Instant.parse("2031-03-10T10:00:00Z");
        Duration sla = properties.firstResponse(IncidentSeverity.HIGH);
        Incident late = triaged(
                base,
                IncidentSeverity.HIGH,
                IncidentCategory.MALWARE,
                base.plus(sla).plusSeconds(90));
        Incident inTime = triaged(
                base,
                IncidentSeverity.HIGH,
                IncidentCategory.MALWARE,
                base.plus(sla).minusSeconds(60));
        Instant since = base.minus(Duration.ofDays(1));
        Instant until = base.plus(Duration.ofDays(1));

        List<Breach> breaches = queries.breaches(since, until, DashboardQueries.LIST_LIMIT, id -> "Appelkerke");

        assertThat(breaches).extracting(Breach::reference).containsExactly(late.reference());
        assertThat(breaches.get(0).minutesLate()).isEqualTo(1);
        assertThat(breaches.get(0).slaMinutes()).isEqualTo(sla.toMinutes());
        assertThat(breaches).extracting(Breach::reference).doesNotContain(inTime.reference());
        Rate high = queries.rates(since, until).stream()
                .filter(r -> r.severity() == IncidentSeverity.HIGH)
                .findFirst()
                .orElseThrow();
        assertThat(high.answered()).isEqualTo(2);
        assertThat(high.late()).isEqualTo(1);
        assertThat(high.percentLate()).isEqualTo(50);
    }

    @Test
    void anUnansweredReportWaitsWithItsDueMomentAndAnAnsweredOneDoesNot() {
        Instant base = Instant.parse("2031-03-11T10:00:00Z");
        Incident waiting = reported(base);
        Incident answered = triaged(base, IncidentSeverity.LOW, IncidentCategory.OTHER, base.plusSeconds(60));
        Instant now = base.plus(Duration.ofMinutes(5));

        List<DashboardFigures.Waiting> rows = queries.waiting(now, id -> "Appelkerke");

        DashboardFigures.Waiting row = rows.stream()
                .filter(w -> w.reference().equals(waiting.reference()))
                .findFirst()
                .orElseThrow();
        // Not triaged yet, so the critical SLA.
        assertThat(row.due()).isEqualTo(base.plus(properties.firstResponse(IncidentSeverity.CRITICAL)));
        assertThat(row.countdown().late()).isFalse();
        assertThat(rows).extracting(DashboardFigures.Waiting::reference).doesNotContain(answered.reference());
    }

    @Test
    void aReportJustAfterMidnightInBrusselsOnTheFirstCountsForThatMonth() {
        // 23:30 UTC on 31 January is 00:30 on 1 February in Brussels (UTC+1 in winter); 22:30 UTC is still January.
        triaged(
                Instant.parse("2031-01-31T23:30:00Z"),
                IncidentSeverity.LOW,
                IncidentCategory.DENIAL_OF_SERVICE,
                Instant.parse("2031-02-01T08:00:00Z"));
        triaged(
                Instant.parse("2031-01-31T22:30:00Z"),
                IncidentSeverity.LOW,
                IncidentCategory.PHISHING_BEC,
                Instant.parse("2031-02-01T08:00:00Z"));

        List<Month> months = queries.months(Instant.parse("2031-03-15T12:00:00Z"));

        assertThat(months).hasSize(12);
        assertThat(months.get(0).month()).isEqualTo(YearMonth.of(2030, 4));
        assertThat(months.get(11).month()).isEqualTo(YearMonth.of(2031, 3));
        Month january = months.get(9);
        Month february = months.get(10);
        assertThat(january.month()).isEqualTo(YearMonth.of(2031, 1));
        assertThat(january.count("PHISHING_BEC")).isEqualTo(1);
        assertThat(january.count("DENIAL_OF_SERVICE")).isZero();
        assertThat(february.count("DENIAL_OF_SERVICE")).isEqualTo(1);
        assertThat(february.count("PHISHING_BEC")).isZero();
        assertThat(february.total()).isEqualTo(1);
    }

    @Test
    void medianAndNinetiethPercentileOfTheHoursToContainAreInterpolated() {
        Instant base = Instant.parse("2031-06-01T08:00:00Z");
        for (int hours : new int[] {1, 2, 3, 4, 10}) {
            Incident incident =
                    triaged(base, IncidentSeverity.CRITICAL, IncidentCategory.RANSOMWARE, base.plusSeconds(60));
            incident.contain(ANALYST, base.plus(Duration.ofHours(hours)));
            store.update(incident);
        }
        // One still uncontained: not counted.
        triaged(base, IncidentSeverity.HIGH, IncidentCategory.RANSOMWARE, base.plusSeconds(60));

        List<Containment> figures = queries.containment(base.minusSeconds(3600), base.plusSeconds(3600));

        // Sorted 1, 2, 3, 4, 10: the median is 3; the 90th percentile lies at 0.9 × 4 = 3.6, so 4 + 0.6 × 6 = 7.6.
        Containment critical = figures.stream()
                .filter(c -> c.severity() == IncidentSeverity.CRITICAL)
                .findFirst()
                .orElseThrow();
        assertThat(critical.contained()).isEqualTo(5);
        assertThat(critical.medianHours()).isEqualTo(3.0);
        assertThat(critical.p90Hours()).isEqualTo(7.6);
        Containment high = figures.stream()
                .filter(c -> c.severity() == IncidentSeverity.HIGH)
                .findFirst()
                .orElseThrow();
        assertThat(high.contained()).isZero();
        assertThat(high.medianHours()).isNull();
        Containment overall = figures.get(figures.size() - 1);
        assertThat(overall.severity()).isNull();
        assertThat(overall.contained()).isEqualTo(5);
        assertThat(overall.medianHours()).isEqualTo(3.0);
    }

    @Test
    void pendingDeadlinesComeNearestFirstWithOverdueOnesMarked() {
        Instant now = Instant.parse("2031-04-01T12:00:00Z");
        Incident incident = reported(now.minus(Duration.ofDays(4)));
        insertObligation(incident, "GDPR_NOTIFICATION", "VTC", now.plus(Duration.ofHours(5)), "PENDING");
        insertObligation(incident, "NIS2_EARLY_WARNING", "CCB", now.minus(Duration.ofHours(2)), "PENDING");
        insertObligation(incident, "NIS2_NOTIFICATION", "CCB", now.minus(Duration.ofHours(9)), "SUBMITTED");

        List<DashboardFigures.Deadline> mine = queries.deadlines(now, id -> "Appelkerke").stream()
                .filter(d -> d.reference().equals(incident.reference()))
                .toList();

        assertThat(mine).hasSize(2);
        assertThat(mine.get(0).recipient().name()).isEqualTo("CCB");
        assertThat(mine.get(0).countdown().late()).isTrue();
        assertThat(mine.get(0).countdown().key()).isEqualTo("incident.obligation.countdown.late");
        assertThat(mine.get(0).countdown().first()).isEqualTo(2);
        assertThat(mine.get(1).countdown().late()).isFalse();
        assertThat(mine.get(1).countdown().first()).isEqualTo(5);
    }

    private void insertObligation(Incident incident, String kind, String recipient, Instant due, String state) {
        jdbc.sql("INSERT INTO incident_obligation (id, incident_id, organisation_id, kind, recipient, due_at, state,"
                        + " revision) VALUES (:id, :incident, :organisation, :kind, :recipient, :due, :state, 0)")
                .param("id", UUID.randomUUID())
                .param("incident", incident.id().value())
                .param("organisation", APPELKERKE)
                .param("kind", kind)
                .param("recipient", recipient)
                .param("due", due.atOffset(java.time.ZoneOffset.UTC))
                .param("state", state)
                .update();
    }
}
