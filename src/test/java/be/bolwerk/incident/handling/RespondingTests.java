package be.bolwerk.incident.handling;

import static be.bolwerk.TestUsers.fullySignedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.bolwerk.incident.IncidentCategory;
import be.bolwerk.incident.IncidentFixtures;
import be.bolwerk.incident.IncidentNotFound;
import be.bolwerk.incident.IncidentSeverity;
import be.bolwerk.incident.IncidentStatus;
import be.bolwerk.incident.Tlp;
import be.bolwerk.incident.event.IncidentClosed;
import be.bolwerk.incident.event.IncidentTriaged;
import be.bolwerk.incident.playbook.IncidentTask;
import be.bolwerk.incident.playbook.Side;
import be.bolwerk.incident.playbook.Tasks;
import be.bolwerk.organisation.demo.DemoOrganisationIds;
import be.bolwerk.shared.Refusal;
import be.bolwerk.shared.security.CurrentUser;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * The CRT's steps through the use case: triage classifies, copies the category's playbook once, writes the history
 * and mails the organisation's admins and the lead; a stale page, a lead who is no analyst, the organisation's own
 * people and other organisations' people are refused.
 */
@SpringBootTest
@RecordApplicationEvents
class RespondingTests {

    private static final UUID APPELKERKE = DemoOrganisationIds.APPELKERKE.value();

    private final Responding responding;
    private final Tasks tasks;
    private final IncidentStore store;
    private final IncidentFixtures fixtures;
    private final JdbcClient jdbc;
    private final CurrentUser analyst;
    private final CurrentUser admin;
    private final CurrentUser otherAdmin;
    private final String marker = "Respons " + UUID.randomUUID().toString().substring(0, 8);

    RespondingTests(
            @Autowired Responding responding,
            @Autowired Tasks tasks,
            @Autowired IncidentStore store,
            @Autowired IncidentFixtures fixtures,
            @Autowired JdbcClient jdbc,
            @Autowired UserDetailsService users) {
        this.responding = responding;
        this.tasks = tasks;
        this.store = store;
        this.fixtures = fixtures;
        this.jdbc = jdbc;
        this.analyst = (CurrentUser) users.loadUserByUsername("analist@crt.invalid");
        this.admin = (CurrentUser) users.loadUserByUsername("iso@appelkerke.invalid");
        this.otherAdmin = (CurrentUser) users.loadUserByUsername("iso@munthove.invalid");
    }

    @AfterEach
    void clean() {
        // A merged incident points at the other one; the fixture removes rows in no particular order.
        jdbc.sql("UPDATE incident SET merged_into = NULL WHERE what_happened LIKE :m")
                .param("m", marker + "%")
                .update();
        fixtures.removeMarked(marker);
        SecurityContextHolder.clearContext();
    }

    private Incident reported() {
        return fixtures.report(
                APPELKERKE,
                marker + " bestanden versleuteld",
                new Actor(admin.id(), admin.displayName()),
                Instant.now());
    }

    private Responding.Classification ransomware() {
        return new Responding.Classification(
                IncidentSeverity.CRITICAL, IncidentCategory.RANSOMWARE, analyst.id(), Tlp.AMBER_STRICT);
    }

    private int mails(String recipient, String reference) {
        return jdbc.sql("SELECT COUNT(*) FROM mail_outbox WHERE recipient = :r AND subject LIKE :s")
                .param("r", recipient)
                .param("s", "%" + reference + "%")
                .query(Integer.class)
                .single();
    }

    @Test
    void triageClassifiesCopiesThePlaybookOnceAndMails(ApplicationEvents events) {
        Incident incident = reported();
        SecurityContextHolder.getContext().setAuthentication(fullySignedIn(analyst));

        responding.triage(incident.id(), 0, ransomware(), analyst);

        Incident read = store.find(incident.id()).orElseThrow();
        assertThat(read.status()).isEqualTo(IncidentStatus.TRIAGED);
        assertThat(read.leadAnalyst().id()).isEqualTo(analyst.id());
        assertThat(read.tlp()).isEqualTo(Tlp.AMBER_STRICT);
        assertThat(events.stream(IncidentTriaged.class)).singleElement().satisfies(e -> {
            assertThat(e.incidentId()).isEqualTo(incident.id());
            assertThat(e.category()).isEqualTo(IncidentCategory.RANSOMWARE);
        });
        List<IncidentTask> list = tasks.of(incident.id(), analyst);
        assertThat(list).extracting(IncidentTask::title).contains("Losgeldbericht bewaren", "Verzekeraar verwittigen");
        assertThat(list).extracting(IncidentTask::side).contains(Side.CRT, Side.ORGANISATION);
        assertThat(list).allSatisfy(t -> assertThat(t.dueAt()).isAfterOrEqualTo(read.triagedAt()));
        assertThat(responding.history(incident.id(), admin)).singleElement().satisfies(s -> {
            assertThat(s.kind()).isEqualTo(IncidentStep.Kind.TRIAGED);
            assertThat(s.from()).isEqualTo(IncidentStatus.REPORTED);
            assertThat(s.actorName()).isEqualTo(analyst.displayName());
        });
        assertThat(mails("iso@appelkerke.invalid", incident.reference())).isEqualTo(1);
        assertThat(mails("analist@crt.invalid", incident.reference())).isEqualTo(1);

        // Reclassifying to the same category adds nothing; the playbook came once.
        responding.reclassify(incident.id(), 1, ransomware(), analyst);
        assertThat(tasks.of(incident.id(), analyst)).hasSameSizeAs(list);
        assertThatThrownBy(() -> tasks.addPlaybook(incident.id(), analyst))
                .isInstanceOfSatisfying(
                        Refusal.class,
                        r -> assertThat(r.is(Tasks.PLAYBOOK_APPLIED)).isTrue());
    }

    @Test
    void theResponseRunsToClosedWithHistoryAndMailsPerStep(ApplicationEvents events) {
        Incident incident = reported();
        responding.triage(incident.id(), 0, ransomware(), analyst);
        responding.contain(incident.id(), 1, analyst);
        responding.eradicate(incident.id(), 2, analyst);
        responding.recover(incident.id(), 3, analyst);
        responding.close(incident.id(), 4, "Teruggezet uit back-up", "Twee dagen loketten dicht", analyst);

        Incident read = store.find(incident.id()).orElseThrow();
        assertThat(read.status()).isEqualTo(IncidentStatus.CLOSED);
        assertThat(read.closedAt()).isNotNull();
        assertThat(read.outcome()).isEqualTo("Teruggezet uit back-up");
        assertThat(events.stream(IncidentClosed.class))
                .singleElement()
                .satisfies(e -> assertThat(e.impact()).isEqualTo("Twee dagen loketten dicht"));
        assertThat(responding.history(incident.id(), analyst))
                .extracting(IncidentStep::to)
                .containsExactly(
                        IncidentStatus.TRIAGED,
                        IncidentStatus.CONTAINED,
                        IncidentStatus.ERADICATED,
                        IncidentStatus.RECOVERED,
                        IncidentStatus.CLOSED);
        assertThat(mails("iso@appelkerke.invalid", incident.reference())).isEqualTo(5);
    }

    @Test
    void aStalePageIsRefusedAndNothingChanges() {
        Incident incident = reported();
        responding.triage(incident.id(), 0, ransomware(), analyst);

        assertThatThrownBy(() -> responding.contain(incident.id(), 0, analyst))
                .isInstanceOfSatisfying(Refusal.class, r -> {
                    assertThat(r.is(IncidentStore.STALE)).isTrue();
                    assertThat(r.kind()).isEqualTo(Refusal.Kind.CONFLICT);
                });
        assertThat(store.find(incident.id()).orElseThrow().status()).isEqualTo(IncidentStatus.TRIAGED);
    }

    @Test
    void theLeadMustBeACrtAnalyst() {
        Incident incident = reported();
        Responding.Classification byAdmin =
                new Responding.Classification(IncidentSeverity.HIGH, IncidentCategory.MALWARE, admin.id(), Tlp.AMBER);

        assertThatThrownBy(() -> responding.triage(incident.id(), 0, byAdmin, analyst))
                .isInstanceOfSatisfying(
                        Refusal.class,
                        r -> assertThat(r.is(Responding.LEAD_NOT_ANALYST)).isTrue());
        assertThat(store.find(incident.id()).orElseThrow().status()).isEqualTo(IncidentStatus.REPORTED);
        assertThat(tasks.of(incident.id(), analyst)).isEmpty();
    }

    @Test
    void onlyTheCrtHandlesAndOtherOrganisationsDoNotSeeIt() {
        Incident incident = reported();

        assertThatThrownBy(() -> responding.triage(incident.id(), 0, ransomware(), admin))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> responding.triage(incident.id(), 0, ransomware(), otherAdmin))
                .isInstanceOf(IncidentNotFound.class);
        assertThatThrownBy(() -> responding.history(incident.id(), otherAdmin)).isInstanceOf(IncidentNotFound.class);
        assertThat(store.find(incident.id()).orElseThrow().status()).isEqualTo(IncidentStatus.REPORTED);
    }

    @Test
    void mergingNamesTheOtherIncidentByReference() {
        Incident first = reported();
        Incident second = reported();
        assertThatThrownBy(() -> responding.merge(second.id(), 0, "INC-NOPE0000", "zelfde", analyst))
                .isInstanceOfSatisfying(
                        Refusal.class,
                        r -> assertThat(r.is(Responding.MERGE_TARGET_UNKNOWN)).isTrue());

        responding.merge(second.id(), 0, first.reference().toLowerCase(), "Zelfde aanval", analyst);

        Incident read = store.find(second.id()).orElseThrow();
        assertThat(read.status()).isEqualTo(IncidentStatus.MERGED);
        assertThat(read.mergedInto()).isEqualTo(first.id());
    }

    @Test
    void theOrganisationTicksItsOwnSideOnly() {
        Incident incident = reported();
        responding.triage(incident.id(), 0, ransomware(), analyst);
        List<IncidentTask> list = tasks.of(incident.id(), admin);
        IncidentTask theirs = list.stream()
                .filter(t -> t.side() == Side.ORGANISATION)
                .findFirst()
                .orElseThrow();
        IncidentTask crts =
                list.stream().filter(t -> t.side() == Side.CRT).findFirst().orElseThrow();

        tasks.done(incident.id(), theirs.id(), admin);
        assertThatThrownBy(() -> tasks.done(incident.id(), crts.id(), admin)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> tasks.done(incident.id(), theirs.id(), analyst))
                .isInstanceOfSatisfying(
                        Refusal.class, r -> assertThat(r.is(Tasks.TASK_STATE)).isTrue());
        assertThatThrownBy(() -> tasks.done(incident.id(), theirs.id(), otherAdmin))
                .isInstanceOf(IncidentNotFound.class);

        assertThat(tasks.of(incident.id(), admin))
                .filteredOn(t -> t.id().equals(theirs.id()))
                .singleElement()
                .satisfies(t -> assertThat(t.doneByName()).isEqualTo(admin.displayName()));
        tasks.undo(incident.id(), theirs.id(), analyst);
        assertThat(tasks.of(incident.id(), admin))
                .filteredOn(t -> t.id().equals(theirs.id()))
                .singleElement()
                .satisfies(t -> assertThat(t.done()).isFalse());
    }
}
