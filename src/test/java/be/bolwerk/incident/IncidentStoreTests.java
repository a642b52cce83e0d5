package be.bolwerk.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.bolwerk.incident.event.IncidentReported;
import be.bolwerk.incident.handling.Actor;
import be.bolwerk.incident.handling.Incident;
import be.bolwerk.incident.handling.IncidentStore;
import be.bolwerk.incident.handling.Report;
import be.bolwerk.organisation.demo.DemoOrganisationIds;
import be.bolwerk.shared.Refusal;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The incident as stored: a report is kept field for field, a second insert with the same submission key answers
 * the first incident and writes nothing, and the report's rules refuse what the CRT cannot act on.
 */
@SpringBootTest
class IncidentStoreTests {

    private static final UUID APPELKERKE = DemoOrganisationIds.APPELKERKE.value();
    private static final Instant NOW = Instant.parse("2026-11-30T08:15:00Z");

    private final IncidentStore store;
    private final IncidentFixtures fixtures;
    private final JdbcClient jdbc;
    private final String marker = "Opslag " + UUID.randomUUID().toString().substring(0, 8);
    private final Actor reporter = new Actor(UUID.randomUUID(), "Ilse Veiligheid");

    IncidentStoreTests(
            @Autowired IncidentStore store, @Autowired IncidentFixtures fixtures, @Autowired JdbcClient jdbc) {
        this.store = store;
        this.fixtures = fixtures;
        this.jdbc = jdbc;
    }

    @AfterEach
    void clean() {
        fixtures.removeMarked(marker);
    }

    @Test
    void aReportIsStoredFieldForFieldWithAReferenceToSayOnThePhone() {
        Report report = IncidentFixtures.ransomware(marker + " versleutelde bestanden", NOW);
        Incident incident = Incident.report(APPELKERKE, report, ReportChannel.FORM, reporter, UUID.randomUUID(), NOW);

        IncidentStore.Stored stored = store.insert(incident);

        assertThat(stored.created()).isTrue();
        Incident read = store.find(incident.id()).orElseThrow();
        assertThat(read.report()).isEqualTo(report);
        assertThat(read.reference()).matches("INC-[0-9A-F]{8}");
        assertThat(read.status()).isEqualTo(IncidentStatus.REPORTED);
        assertThat(read.tlp()).isEqualTo(Tlp.AMBER);
        assertThat(read.reported().reporter()).isEqualTo(reporter);
        assertThat(incident.events()).singleElement().isInstanceOfSatisfying(IncidentReported.class, e -> {
            assertThat(e.ongoing()).isTrue();
            assertThat(e.ransomware()).isTrue();
            assertThat(e.personalDataPossible())
                    .as("unknown counts as possible")
                    .isTrue();
        });
    }

    @Test
    void theSameSubmissionStoredTwiceLeavesOneIncidentAndAnswersTheFirst() {
        UUID key = UUID.randomUUID();
        Report report = IncidentFixtures.ransomware(marker + " dubbel verstuurd", NOW);
        Incident first = Incident.report(APPELKERKE, report, ReportChannel.FORM, reporter, key, NOW);
        Incident second = Incident.report(APPELKERKE, report, ReportChannel.FORM, reporter, key, NOW.plusSeconds(1));

        assertThat(store.insert(first).created()).isTrue();
        IncidentStore.Stored again = store.insert(second);

        assertThat(again.created()).isFalse();
        assertThat(again.incident().id()).isEqualTo(first.id());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM incident WHERE submission_key = :k")
                        .param("k", key)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void aReportWithoutWhatHappenedOrACallBackNumberOrNoticedInTheFutureIsRefused() {
        Report good = IncidentFixtures.ransomware(marker, NOW);
        assertThatThrownBy(() -> report(withWhat(good, "  ")))
                .isInstanceOfSatisfying(
                        Refusal.class, r -> assertThat(r.messageKey()).isEqualTo("incident.rule.whatRequired"));
        assertThatThrownBy(() -> report(withPhone(good, "")))
                .isInstanceOfSatisfying(
                        Refusal.class, r -> assertThat(r.messageKey()).isEqualTo("incident.rule.phoneRequired"));
        assertThatThrownBy(() -> report(withNoticed(good, NOW.plusSeconds(60))))
                .isInstanceOfSatisfying(
                        Refusal.class, r -> assertThat(r.messageKey()).isEqualTo("incident.rule.noticedFuture"));
        assertThatThrownBy(() -> report(withNoticed(good, good.startedAt().minusSeconds(60))))
                .isInstanceOfSatisfying(
                        Refusal.class, r -> assertThat(r.messageKey()).isEqualTo("incident.rule.startedAfterNoticed"));
    }

    private Incident report(Report report) {
        return Incident.report(APPELKERKE, report, ReportChannel.FORM, reporter, UUID.randomUUID(), NOW);
    }

    private static Report withWhat(Report r, String what) {
        return new Report(
                what,
                r.startedAt(),
                r.noticedAt(),
                r.howNoticed(),
                r.ongoing(),
                r.affectedSystems(),
                r.personalData(),
                r.citizensAffected(),
                r.actionsTaken(),
                r.alreadyInformed(),
                r.callbackPhone(),
                r.ransomware(),
                r.ransomwareDetails(),
                r.policeComplaintNumber(),
                r.insurer(),
                r.insurerPolicy(),
                r.insurerNotifiedAt());
    }

    private static Report withPhone(Report r, String phone) {
        return new Report(
                r.whatHappened(),
                r.startedAt(),
                r.noticedAt(),
                r.howNoticed(),
                r.ongoing(),
                r.affectedSystems(),
                r.personalData(),
                r.citizensAffected(),
                r.actionsTaken(),
                r.alreadyInformed(),
                phone,
                r.ransomware(),
                r.ransomwareDetails(),
                r.policeComplaintNumber(),
                r.insurer(),
                r.insurerPolicy(),
                r.insurerNotifiedAt());
    }

    private static Report withNoticed(Report r, Instant noticed) {
        return new Report(
                r.whatHappened(),
                r.startedAt(),
                noticed,
                r.howNoticed(),
                r.ongoing(),
                r.affectedSystems(),
                r.personalData(),
                r.citizensAffected(),
                r.actionsTaken(),
                r.alreadyInformed(),
                r.callbackPhone(),
                r.ransomware(),
                r.ransomwareDetails(),
                r.policeComplaintNumber(),
                r.insurer(),
                r.insurerPolicy(),
                r.insurerNotifiedAt());
    }
}
