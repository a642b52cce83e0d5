package be.bolwerk.incident.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import be.bolwerk.TestUsers;
import be.bolwerk.findings.RegisterWrites;
import be.bolwerk.incident.IncidentFixtures;
import be.bolwerk.incident.IncidentId;
import be.bolwerk.incident.IncidentNotFound;
import be.bolwerk.incident.IncidentSeverity;
import be.bolwerk.incident.handling.Actor;
import be.bolwerk.organisation.demo.DemoOrganisationIds;
import be.bolwerk.shared.Refusal;
import be.bolwerk.shared.security.CurrentUser;
import be.bolwerk.shared.security.OrganisationRole;
import be.bolwerk.shared.security.Persona;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/**
 * Root cause and lessons (ADR 0040): only the CRT writes them and only once the incident is recovered or closed; a
 * lesson mails the organisation's admins; adopting it makes exactly one finding in the organisation's register,
 * however often people click; another organisation never sees the incident's lessons.
 */
@SpringBootTest
class ReviewingTests {

    private static final UUID APPELKERKE = DemoOrganisationIds.APPELKERKE.value();
    private static final UUID MUNTHOVE = DemoOrganisationIds.OCMW_MUNTHOVE.value();

    private final Reviewing reviewing;
    private final IncidentFixtures fixtures;
    private final JdbcClient jdbc;
    private final String marker = "Lessen " + UUID.randomUUID().toString().substring(0, 8);
    private CurrentUser analyst;
    private CurrentUser iso;
    private CurrentUser stranger;
    private IncidentId incident;

    ReviewingTests(@Autowired Reviewing reviewing, @Autowired IncidentFixtures fixtures, @Autowired JdbcClient jdbc) {
        this.reviewing = reviewing;
        this.fixtures = fixtures;
        this.jdbc = jdbc;
    }

    @BeforeEach
    void incident() {
        analyst = TestUsers.demo(jdbc, "analist@crt.invalid", Set.of(Persona.CRT_ANALYST), Map.of());
        iso = TestUsers.demo(
                jdbc, "iso@appelkerke.invalid", Set.of(), Map.of(APPELKERKE, OrganisationRole.ORGANISATION_ADMIN));
        stranger = TestUsers.demo(
                jdbc, "iso@munthove.invalid", Set.of(), Map.of(MUNTHOVE, OrganisationRole.ORGANISATION_ADMIN));
        incident = fixtures.report(
                        APPELKERKE,
                        marker + " versleutelde bestandsserver",
                        new Actor(iso.id(), iso.displayName()),
                        Instant.now().minus(Duration.ofDays(3)))
                .id();
    }

    @AfterEach
    void clean() {
        jdbc.sql("DELETE FROM finding WHERE title LIKE :m")
                .param("m", marker + "%")
                .update();
        RegisterWrites.moved(jdbc);
        fixtures.removeMarked(marker);
    }

    @Test
    void beforeRecoveryNothingIsRecorded() {
        assertThatThrownBy(() -> reviewing.recordRootCause(incident, "VPN zonder updates", analyst))
                .isInstanceOfSatisfying(
                        Refusal.class, r -> assertThat(r.messageKey()).isEqualTo(Reviewing.NOT_YET));
        assertThatThrownBy(() -> reviewing.addLesson(incident, marker, null, IncidentSeverity.HIGH, analyst))
                .isInstanceOfSatisfying(
                        Refusal.class, r -> assertThat(r.messageKey()).isEqualTo(Reviewing.NOT_YET));
        assertThat(reviewing.review(incident, iso).lessons()).isEmpty();
    }

    @Test
    void onlyTheCrtWritesAndAnotherOrganisationDoesNotFindTheIncident() {
        status("RECOVERED");
        assertThatThrownBy(() -> reviewing.addLesson(incident, marker + " les", null, IncidentSeverity.HIGH, iso))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> reviewing.recordRootCause(incident, "Oorzaak", iso))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> reviewing.review(incident, stranger)).isInstanceOf(IncidentNotFound.class);
        UUID lesson = reviewing.addLesson(incident, marker + " les", null, IncidentSeverity.LOW, analyst);
        assertThatThrownBy(() -> reviewing.adopt(incident, lesson, stranger)).isInstanceOf(IncidentNotFound.class);
        assertThatThrownBy(() -> reviewing.addLesson(incident, "  ", null, IncidentSeverity.LOW, analyst))
                .isInstanceOfSatisfying(
                        Refusal.class, r -> assertThat(r.messageKey()).isEqualTo(Reviewing.TITLE_REQUIRED));
    }

    @Test
    void aLessonIsMailedToTheAdminsAndAdoptedIntoTheRegisterExactlyOnce() {
        status("CLOSED");
        reviewing.recordRootCause(incident, "Een VPN-server zonder updates", analyst);
        reviewing.recordRootCause(incident, "Een VPN-server zonder updates en zonder tweede factor", analyst);
        String title = marker + " Offline back-ups wekelijks testen";
        UUID lesson =
                reviewing.addLesson(incident, title, "Ze stonden op het netwerk.", IncidentSeverity.HIGH, analyst);

        Reviewing.Review review = reviewing.review(incident, iso);
        assertThat(review.rootCause().orElseThrow().text())
                .isEqualTo("Een VPN-server zonder updates en zonder tweede factor");
        assertThat(review.lessons()).singleElement().satisfies(l -> {
            assertThat(l.title()).isEqualTo(title);
            assertThat(l.adopted()).isFalse();
        });
        String reference = jdbc.sql("SELECT reference FROM incident WHERE id = :id")
                .param("id", incident.value())
                .query(String.class)
                .single();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM mail_outbox WHERE recipient = 'iso@appelkerke.invalid'"
                                + " AND subject = :s")
                        .param("s", "Een les uit incident " + reference)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        reviewing.adopt(incident, lesson, iso);
        assertThatThrownBy(() -> reviewing.adopt(incident, lesson, analyst))
                .isInstanceOfSatisfying(
                        Refusal.class, r -> assertThat(r.messageKey()).isEqualTo(Reviewing.ALREADY_ADOPTED));
        assertThat(reviewing.review(incident, analyst).lessons().get(0).adopterName())
                .isEqualTo(iso.displayName());
        // The register takes the lesson over after the commit, asynchronously.
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(
                                jdbc.sql("SELECT COUNT(*) FROM finding WHERE source = 'INCIDENT' AND source_id = :id")
                                        .param("id", lesson)
                                        .query(Long.class)
                                        .single())
                        .isEqualTo(1));
    }

    private void status(String status) {
        jdbc.sql("UPDATE incident SET status = :s WHERE id = :id")
                .param("s", status)
                .param("id", incident.value())
                .update();
    }
}
