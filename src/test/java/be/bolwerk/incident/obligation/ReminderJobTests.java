package be.bolwerk.incident.obligation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import be.bolwerk.TestUsers;
import be.bolwerk.campaign.MovableClock;
import be.bolwerk.incident.Answer;
import be.bolwerk.incident.IncidentFixtures;
import be.bolwerk.incident.IncidentNotFound;
import be.bolwerk.incident.ReportChannel;
import be.bolwerk.incident.event.IncidentReported;
import be.bolwerk.incident.handling.Actor;
import be.bolwerk.incident.handling.Incident;
import be.bolwerk.organisation.Nis2Scope;
import be.bolwerk.organisation.OrganisationDetails;
import be.bolwerk.organisation.OrganisationId;
import be.bolwerk.organisation.OrganisationManagement;
import be.bolwerk.organisation.OrganisationType;
import be.bolwerk.organisation.demo.DemoOrganisationIds;
import be.bolwerk.shared.security.CurrentUser;
import be.bolwerk.shared.security.OrganisationRole;
import be.bolwerk.shared.security.Persona;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The use case and the reminders against the database: the first facts come once from the report's event, a
 * confirmed breach of a municipality opens the 72-hour notification to the VTC (and mails the organisation's
 * admins), the NIS2 chain follows the submission, and the reminders go at 50 %, 90 % and overdue, once each.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(MovableClock.Configuration.class)
class ReminderJobTests {

    private static final UUID APPELKERKE = DemoOrganisationIds.APPELKERKE.value();

    private final Obligations obligations;
    private final ReminderJob job;
    private final OpenObligations open;
    private final IncidentFixtures fixtures;
    private final MovableClock clock;
    private final JdbcClient jdbc;
    private final OrganisationManagement management;
    private final String marker = "Meldplicht " + UUID.randomUUID().toString().substring(0, 8);
    private final CurrentUser analyst = TestUsers.persona(Persona.CRT_ANALYST);

    ReminderJobTests(
            @Autowired Obligations obligations,
            @Autowired ReminderJob job,
            @Autowired OpenObligations open,
            @Autowired IncidentFixtures fixtures,
            @Autowired MovableClock clock,
            @Autowired JdbcClient jdbc,
            @Autowired OrganisationManagement management) {
        this.management = management;
        this.obligations = obligations;
        this.job = job;
        this.open = open;
        this.fixtures = fixtures;
        this.clock = clock;
        this.jdbc = jdbc;
    }

    private String scopeBefore;

    @BeforeEach
    void remember() {
        scopeBefore = jdbc.sql("SELECT nis2_scope FROM organisation WHERE id = :id")
                .param("id", APPELKERKE)
                .query(String.class)
                .single();
    }

    @AfterEach
    void clean() {
        clock.reset();
        jdbc.sql("UPDATE organisation SET nis2_scope = :scope WHERE id = :id")
                .param("scope", scopeBefore)
                .param("id", APPELKERKE)
                .update();
        fixtures.removeMarked(marker);
    }

    private Incident reported() {
        return fixtures.report(
                APPELKERKE, marker + " ransomware", new Actor(UUID.randomUUID(), "Ilse"), clock.instant());
    }

    private IncidentFacts.Values breachKnownAt(Instant known) {
        return new IncidentFacts.Values(known, null, known, null, null, Answer.YES, Answer.UNKNOWN, "Gegevens gelekt");
    }

    private Obligation one(Incident incident, ObligationKind kind) {
        return obligations.view(incident.id(), analyst).obligations().stream()
                .filter(o -> o.kind() == kind)
                .findFirst()
                .orElseThrow();
    }

    /**
     * The reminders of this occasion that reached the demo admin of Appelkerke: counted for one recipient, because
     * other test classes give the organisation more admins, and each of them is reminded too.
     */
    private long mails(Obligation o, String occasion) {
        return jdbc.sql(
                        "SELECT COUNT(*) FROM mail_outbox WHERE once_key LIKE :k AND recipient = 'iso@appelkerke.invalid'")
                .param("k", "incidentObligation:" + occasion + ":" + o.id() + ":%")
                .query(Long.class)
                .single();
    }

    @Test
    void theFirstFactsComeFromTheReportOnceAndARedeliveredEventChangesNothing() {
        Incident incident = reported();
        IncidentReported event = new IncidentReported(
                incident.id(),
                APPELKERKE,
                incident.reference(),
                ReportChannel.FORM,
                UUID.randomUUID(),
                "Ilse",
                clock.instant(),
                incident.report().noticedAt(),
                true,
                true,
                true);
        obligations.open(event);
        Instant known = clock.instant().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.MINUTES);
        obligations.changeFacts(incident.id(), breachKnownAt(known), analyst);

        obligations.open(event);

        IncidentFacts.Values facts = obligations.view(incident.id(), analyst).facts();
        assertThat(facts.personalDataBreach()).isEqualTo(Answer.YES);
        assertThat(facts.detectedAt().truncatedTo(ChronoUnit.MINUTES)).isEqualTo(known);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM incident_fact WHERE incident_id = :id")
                        .param("id", incident.id().value())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(obligations.view(incident.id(), analyst).history()).isNotEmpty();
    }

    @Test
    void aConfirmedBreachOfAMunicipalityIsDueAtTheVtc72HoursLaterAndTheAdminsHearOfIt() {
        Incident incident = reported();
        Instant known = clock.instant().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);

        obligations.changeFacts(incident.id(), breachKnownAt(known), analyst);

        Obligation notification = one(incident, ObligationKind.GDPR_NOTIFICATION);
        assertThat(notification.recipient()).isEqualTo(Recipient.VTC);
        assertThat(notification.dueAt()).isEqualTo(known.plus(Duration.ofHours(72)));
        assertThat(one(incident, ObligationKind.GDPR_DATA_SUBJECTS).dueAt()).isNull();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM mail_outbox WHERE once_key LIKE :k AND recipient = :r")
                        .param("k", "incidentObligation:started:" + notification.id() + ":%")
                        .param("r", "iso@appelkerke.invalid")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        obligations.changeFacts(
                incident.id(),
                new IncidentFacts.Values(known, null, known, null, null, Answer.NO, Answer.UNKNOWN, "Toch geen"),
                analyst);
        assertThat(obligations.view(incident.id(), analyst).obligations())
                .as("a pending obligation the rules no longer find is gone")
                .isEmpty();
    }

    /**
     * The programme brings the organisation into NIS2 scope while an incident it judged significant is open: the NIS2
     * clocks appear on that incident by themselves (RegulationListener, after the profile's change committed), counted
     * from when the organisation became aware, without waiting for the next change of facts.
     */
    @Test
    void anOrganisationBroughtIntoNis2ScopeGetsTheDeadlinesOfItsOpenIncidents() {
        jdbc.sql("UPDATE organisation SET nis2_scope = 'NOT_IN_SCOPE' WHERE id = :id")
                .param("id", APPELKERKE)
                .update();
        Incident incident = reported();
        Instant aware = clock.instant().minus(Duration.ofHours(3)).truncatedTo(ChronoUnit.MINUTES);
        obligations.changeFacts(
                incident.id(),
                new IncidentFacts.Values(aware, aware, null, null, null, Answer.NO, Answer.YES, null),
                analyst);
        assertThat(obligations.view(incident.id(), analyst).obligations())
                .as("out of scope: no NIS2 clock")
                .noneMatch(o -> o.kind() == ObligationKind.NIS2_EARLY_WARNING);

        OrganisationDetails details = jdbc.sql("""
                        SELECT name, type, nis_code, inhabitants, staff_count, contact_email, contact_phone
                        FROM organisation WHERE id = :id
                        """)
                .param("id", APPELKERKE)
                .query((rs, row) -> new OrganisationDetails(
                        rs.getString("name"),
                        OrganisationType.valueOf(rs.getString("type")),
                        rs.getString("nis_code"),
                        (Integer) rs.getObject("inhabitants"),
                        (Integer) rs.getObject("staff_count"),
                        rs.getString("contact_email"),
                        rs.getString("contact_phone"),
                        Nis2Scope.ESSENTIAL))
                .single();
        int version = jdbc.sql("SELECT version FROM organisation WHERE id = :id")
                .param("id", APPELKERKE)
                .query(Integer.class)
                .single();
        SecurityContextHolder.getContext().setAuthentication(TestUsers.fullySignedIn(TestUsers.programmeOfficer()));
        try {
            management.update(new OrganisationId(APPELKERKE), details, version);
        } finally {
            SecurityContextHolder.clearContext();
        }

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(
                                one(incident, ObligationKind.NIS2_EARLY_WARNING).dueAt())
                        .isEqualTo(aware.plus(Duration.ofHours(24))));
        assertThat(one(incident, ObligationKind.NIS2_NOTIFICATION).dueAt()).isEqualTo(aware.plus(Duration.ofHours(72)));
    }

    @Test
    void theNis2FinalReportStartsWhenTheNotificationIsSubmitted() {
        jdbc.sql("UPDATE organisation SET nis2_scope = 'IMPORTANT' WHERE id = :id")
                .param("id", APPELKERKE)
                .update();
        Incident incident = reported();
        Instant aware = clock.instant().minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.MINUTES);
        obligations.changeFacts(
                incident.id(),
                new IncidentFacts.Values(aware, aware, null, null, null, Answer.NO, Answer.YES, null),
                analyst);
        assertThat(one(incident, ObligationKind.NIS2_EARLY_WARNING).dueAt())
                .isEqualTo(aware.plus(Duration.ofHours(24)));
        assertThat(one(incident, ObligationKind.NIS2_FINAL_REPORT).dueAt()).isNull();

        Instant sent = clock.instant().minus(Duration.ofMinutes(5)).truncatedTo(ChronoUnit.SECONDS);
        obligations.submit(
                incident.id(),
                one(incident, ObligationKind.NIS2_NOTIFICATION).id(),
                new Obligations.Submission(sent, "CCB-portaal", "CCB-1", false, null),
                analyst);

        assertThat(one(incident, ObligationKind.NIS2_NOTIFICATION).state()).isEqualTo(ObligationState.SUBMITTED);
        assertThat(one(incident, ObligationKind.NIS2_PROGRESS_REPORT).dueAt()).isEqualTo(Deadlines.oneMonthAfter(sent));
    }

    @Test
    void membersReadButDoNotRecordAndAnotherOrganisationDoesNotFindTheIncident() {
        Incident incident = reported();
        Instant known = clock.instant().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
        CurrentUser member = TestUsers.member(APPELKERKE, OrganisationRole.MEMBER);
        CurrentUser admin = TestUsers.member(APPELKERKE, OrganisationRole.ORGANISATION_ADMIN);
        CurrentUser other =
                TestUsers.member(DemoOrganisationIds.OCMW_MUNTHOVE.value(), OrganisationRole.ORGANISATION_ADMIN);

        assertThat(obligations.view(incident.id(), member).mayRecord()).isFalse();
        assertThatThrownBy(() -> obligations.changeFacts(incident.id(), breachKnownAt(known), member))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> obligations.view(incident.id(), other)).isInstanceOf(IncidentNotFound.class);

        obligations.changeFacts(incident.id(), breachKnownAt(known), admin);
        assertThat(one(incident, ObligationKind.GDPR_NOTIFICATION).state()).isEqualTo(ObligationState.PENDING);
    }

    @Test
    void remindersGoAtHalfAndNinetyPercentAndOnceOverdueEachOnce() {
        Incident incident = reported();
        Instant known = clock.instant().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
        obligations.changeFacts(incident.id(), breachKnownAt(known), analyst);
        Obligation notification = one(incident, ObligationKind.GDPR_NOTIFICATION);

        job.run();
        assertThat(mails(notification, "HALF"))
                .as("before half of the 72 hours")
                .isZero();

        clock.advance(Duration.ofHours(36));
        job.run();
        job.run();
        assertThat(mails(notification, "HALF")).isEqualTo(1);
        assertThat(mails(notification, "NINETY")).isZero();

        clock.advance(Duration.ofHours(29));
        job.run();
        job.run();
        assertThat(mails(notification, "NINETY")).isEqualTo(1);
        assertThat(mails(notification, "OVERDUE")).isZero();

        clock.advance(Duration.ofHours(8));
        job.run();
        job.run();
        assertThat(mails(notification, "OVERDUE")).isEqualTo(1);
        assertThat(mails(notification, "HALF")).isEqualTo(1);
        assertThat(open.of(java.util.List.of(incident.id())).get(incident.id()).overdue())
                .as("the CRT queue sees it overdue")
                .isTrue();
        assertThat(jdbc.sql("SELECT recipient FROM mail_outbox WHERE once_key LIKE :k")
                        .param("k", "incidentObligation:OVERDUE:" + notification.id() + ":%")
                        .query(String.class)
                        .list())
                .contains("iso@appelkerke.invalid");
    }
}
