package be.bolwerk.incident.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import be.bolwerk.AtOnce;
import be.bolwerk.incident.Answer;
import be.bolwerk.incident.IncidentFixtures;
import be.bolwerk.incident.ReportChannel;
import be.bolwerk.incident.handling.Incident;
import be.bolwerk.incident.handling.IncidentStore;
import be.bolwerk.incident.handling.Report;
import be.bolwerk.organisation.OrganisationDirectory;
import be.bolwerk.organisation.demo.DemoOrganisationIds;
import be.bolwerk.shared.Refusal;
import be.bolwerk.shared.security.CurrentUser;
import be.bolwerk.shared.security.OrganisationRole;
import be.bolwerk.shared.security.Persona;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reporting an incident on the demo organisations: anyone of the organisation may raise the alarm (a viewer too),
 * nobody for another organisation; a CRT analyst records a call for any organisation; the same submission key
 * stores one incident and mails once, even when two requests meet; severe reports alert the on-call mailbox.
 */
@SpringBootTest
class ReportingTests {

    private static final UUID APPELKERKE = DemoOrganisationIds.APPELKERKE.value();
    private static final UUID MUNTHOVE = DemoOrganisationIds.OCMW_MUNTHOVE.value();
    private static final String ON_CALL = "wacht@crt.invalid";

    private final Reporting reporting;
    private final IncidentFixtures fixtures;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final PlatformTransactionManager transactions;
    private final IncidentStore store;
    private final ReportMails mails;
    private final OrganisationDirectory organisations;
    private final ApplicationEventPublisher events;
    private final String marker = "Melding " + UUID.randomUUID().toString().substring(0, 8);
    private final List<String> references = new ArrayList<>();

    ReportingTests(
            @Autowired Reporting reporting,
            @Autowired IncidentFixtures fixtures,
            @Autowired JdbcClient jdbc,
            @Autowired Clock clock,
            @Autowired PlatformTransactionManager transactions,
            @Autowired IncidentStore store,
            @Autowired ReportMails mails,
            @Autowired OrganisationDirectory organisations,
            @Autowired ApplicationEventPublisher events) {
        this.reporting = reporting;
        this.store = store;
        this.mails = mails;
        this.organisations = organisations;
        this.events = events;
        this.transactions = transactions;
        this.fixtures = fixtures;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @AfterEach
    void clean() {
        fixtures.removeMarked(marker);
        for (String reference : references) {
            jdbc.sql("DELETE FROM mail_outbox WHERE subject LIKE :s")
                    .param("s", "%" + reference + "%")
                    .update();
        }
    }

    /**
     * The first facts are written in the report's own transaction (FactsListener): already there before the commit,
     * and gone with the report when its transaction does not commit.
     */
    @Test
    void theFirstFactsAreWrittenInTheReportsOwnTransaction() {
        CurrentUser viewer = account("lezer@appelkerke.invalid", Map.of(APPELKERKE, OrganisationRole.VIEWER));
        TransactionTemplate transaction = new TransactionTemplate(transactions);

        UUID incident = transaction.execute(status -> {
            UUID id = reporting
                    .report(APPELKERKE, mild("feiten"), ReportChannel.FORM, UUID.randomUUID(), viewer)
                    .incident()
                    .id()
                    .value();
            assertThat(factRows(id)).isEqualTo(1);
            status.setRollbackOnly();
            return id;
        });

        assertThat(factRows(incident)).isZero();
    }

    @Test
    void aViewerMayRaiseTheAlarmAndIsAcknowledgedWithTheReference() {
        CurrentUser viewer = account("lezer@appelkerke.invalid", Map.of(APPELKERKE, OrganisationRole.VIEWER));

        IncidentStore.Stored stored =
                reporting.report(APPELKERKE, mild("verdachte mail"), ReportChannel.FORM, UUID.randomUUID(), viewer);

        assertThat(stored.created()).isTrue();
        Incident incident = remember(stored.incident());
        assertThat(incident.reported().channel()).isEqualTo(ReportChannel.FORM);
        assertThat(incident.reported().reporter().id()).isEqualTo(viewer.id());
        assertThat(mails("lezer@appelkerke.invalid", incident.reference()))
                .singleElement()
                .satisfies(body ->
                        assertThat(body).contains(incident.reference()).contains("/incidents/" + incident.id()));
        assertThat(mails("iso@appelkerke.invalid", incident.reference()))
                .as("the organisation's admin hears of it")
                .hasSize(1);
        assertThat(mails(ON_CALL, incident.reference()))
                .as("not severe: no alert to the on-call analyst")
                .isEmpty();
    }

    @Test
    void aSevereReportAlertsTheOnCallMailboxOnce() {
        CurrentUser member = account("medewerker@appelkerke.invalid", Map.of(APPELKERKE, OrganisationRole.MEMBER));
        Report ransomware = IncidentFixtures.ransomware(marker + " versleuteld", clock.instant());

        Incident incident = remember(reporting
                .report(APPELKERKE, ransomware, ReportChannel.FORM, UUID.randomUUID(), member)
                .incident());

        assertThat(mails(ON_CALL, incident.reference()))
                .singleElement()
                .satisfies(
                        body -> assertThat(body).contains("Gemeente Appelkerke").doesNotContain(marker));
    }

    @Test
    void theSameSubmissionTwiceIsOneIncidentAndOneSetOfMails() {
        CurrentUser member = account("medewerker@appelkerke.invalid", Map.of(APPELKERKE, OrganisationRole.MEMBER));
        UUID key = UUID.randomUUID();

        IncidentStore.Stored first = reporting.report(APPELKERKE, mild("dubbel"), ReportChannel.FORM, key, member);
        IncidentStore.Stored again = reporting.report(APPELKERKE, mild("dubbel"), ReportChannel.FORM, key, member);

        remember(first.incident());
        assertThat(again.created()).isFalse();
        assertThat(again.incident().id()).isEqualTo(first.incident().id());
        assertThat(count()).isEqualTo(1);
        assertThat(mails("medewerker@appelkerke.invalid", first.incident().reference()))
                .hasSize(1);
    }

    @Test
    void aKeyUsedByAnotherPersonOrForAnotherOrganisationIsRefusedAndGivesNothingAway() {
        CurrentUser member = account("medewerker@appelkerke.invalid", Map.of(APPELKERKE, OrganisationRole.MEMBER));
        CurrentUser stranger = account("iso@munthove.invalid", Map.of(MUNTHOVE, OrganisationRole.ORGANISATION_ADMIN));
        CurrentUser colleague =
                account("iso@appelkerke.invalid", Map.of(APPELKERKE, OrganisationRole.ORGANISATION_ADMIN));
        UUID key = UUID.randomUUID();
        remember(reporting
                .report(APPELKERKE, mild("sleutel"), ReportChannel.FORM, key, member)
                .incident());

        assertThatThrownBy(() -> reporting.report(MUNTHOVE, mild("sleutel"), ReportChannel.FORM, key, stranger))
                .isInstanceOfSatisfying(
                        Refusal.class, r -> assertThat(r.messageKey()).isEqualTo(Reporting.KEY_USED));
        assertThatThrownBy(() -> reporting.report(APPELKERKE, mild("sleutel"), ReportChannel.FORM, key, colleague))
                .isInstanceOfSatisfying(
                        Refusal.class, r -> assertThat(r.messageKey()).isEqualTo(Reporting.KEY_USED));
        assertThat(count()).isEqualTo(1);
    }

    @Test
    void twoRequestsWithTheSameKeyAtOnceLeaveOneIncidentAndOneSetOfMails() throws Exception {
        CurrentUser member = account("medewerker@appelkerke.invalid", Map.of(APPELKERKE, OrganisationRole.MEMBER));
        UUID key = UUID.randomUUID();
        Report report = IncidentFixtures.ransomware(marker + " tegelijk", clock.instant());

        List<IncidentStore.Stored> both = AtOnce.run(
                () -> reporting.report(APPELKERKE, report, ReportChannel.FORM, key, member),
                () -> reporting.report(APPELKERKE, report, ReportChannel.FORM, key, member));

        remember(both.get(0).incident());
        assertThat(both).filteredOn(IncidentStore.Stored::created).hasSize(1);
        assertThat(both.get(1).incident().id()).isEqualTo(both.get(0).incident().id());
        assertThat(count()).isEqualTo(1);
        String reference = both.get(0).incident().reference();
        assertThat(mails("medewerker@appelkerke.invalid", reference)).hasSize(1);
        assertThat(mails("iso@appelkerke.invalid", reference)).hasSize(1);
        assertThat(mails(ON_CALL, reference)).hasSize(1);
    }

    /**
     * The second request of a double click waits for the first in Reporting, before it opens a transaction, instead of
     * waiting on the unique key with a pool connection in hand. The first is held right after its commit, waiting for
     * its audit row to be chained, by this test taking the audit chain's head (ADR 0049); the second must then be
     * parked in Reporting, and both end with the one incident.
     */
    @Test
    void theSecondRequestWithAKeyBeingStoredWaitsAndAnswersWithTheFirstsIncident() throws Exception {
        CurrentUser member = account("medewerker@appelkerke.invalid", Map.of(APPELKERKE, OrganisationRole.MEMBER));
        UUID key = UUID.randomUUID();

        List<Future<IncidentStore.Stored>> both = whileTheFirstWaitsForTheAuditHead(key, member, member, APPELKERKE);

        IncidentStore.Stored stored = both.get(0).get(10, TimeUnit.SECONDS);
        IncidentStore.Stored again = both.get(1).get(10, TimeUnit.SECONDS);
        remember(stored.incident());
        assertThat(stored.created()).isTrue();
        assertThat(again.created()).isFalse();
        // The very incident the first request stored, not one read back from the database by a transaction of its own.
        assertThat(again.incident()).isSameAs(stored.incident());
        assertThat(incidentsWithKey(key)).isEqualTo(1);
    }

    @Test
    void anotherPersonsRequestWithAKeyBeingStoredIsRefusedToo() throws Exception {
        CurrentUser member = account("medewerker@appelkerke.invalid", Map.of(APPELKERKE, OrganisationRole.MEMBER));
        CurrentUser colleague =
                account("iso@appelkerke.invalid", Map.of(APPELKERKE, OrganisationRole.ORGANISATION_ADMIN));
        UUID key = UUID.randomUUID();

        assertTheRepeatIsRefused(key, whileTheFirstWaitsForTheAuditHead(key, member, colleague, APPELKERKE));
    }

    @Test
    void theSamePersonsRequestWithAKeyBeingStoredForAnotherOrganisationIsRefused() throws Exception {
        CurrentUser both = account(
                "medewerker@appelkerke.invalid",
                Map.of(APPELKERKE, OrganisationRole.MEMBER, MUNTHOVE, OrganisationRole.MEMBER));
        UUID key = UUID.randomUUID();

        assertTheRepeatIsRefused(key, whileTheFirstWaitsForTheAuditHead(key, both, both, MUNTHOVE));
    }

    /** The first stored its incident; the repeat with its key was refused as a replay and stored nothing. */
    private void assertTheRepeatIsRefused(UUID key, List<Future<IncidentStore.Stored>> both) throws Exception {
        remember(both.get(0).get(10, TimeUnit.SECONDS).incident());
        assertThatThrownBy(() -> both.get(1).get(10, TimeUnit.SECONDS))
                .hasCauseInstanceOf(Refusal.class)
                .cause()
                .hasMessageContaining(Reporting.KEY_USED);
        assertThat(incidentsWithKey(key)).isEqualTo(1);
    }

    /**
     * A first request inside a caller's transaction has not committed when it hands over, and here it rolls back:
     * the repeat that waited for it must not answer its incident (which never existed) but store its own.
     */
    @Test
    void aRepeatDoesNotAnswerWithAnIncidentOfACallersTransactionThatRollsBack() throws Exception {
        CurrentUser member = account("medewerker@appelkerke.invalid", Map.of(APPELKERKE, OrganisationRole.MEMBER));
        UUID key = UUID.randomUUID();
        Report report = mild("teruggedraaid");
        CountDownLatch firstStoring = new CountDownLatch(1);
        CountDownLatch goOn = new CountDownLatch(1);
        AtomicBoolean first = new AtomicBoolean(true);
        // The store as it is, except that the first insert waits until the repeat is waiting for it.
        IncidentStore held = Mockito.mock(IncidentStore.class, invocation -> {
            if (invocation.getMethod().getName().equals("insert") && first.getAndSet(false)) {
                firstStoring.countDown();
                goOn.await(10, TimeUnit.SECONDS);
            }
            return invocation.getMethod().invoke(store, invocation.getArguments());
        });
        Reporting holding = new Reporting(held, mails, organisations, events, clock, transactions);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            AtomicReference<Thread> two = new AtomicReference<>();
            Future<IncidentStore.Stored> rolledBack =
                    threads.submit(() -> new TransactionTemplate(transactions).execute(status -> {
                        IncidentStore.Stored stored =
                                holding.report(APPELKERKE, report, ReportChannel.FORM, key, member);
                        status.setRollbackOnly();
                        return stored;
                    }));
            assertThat(firstStoring.await(10, TimeUnit.SECONDS)).isTrue();
            Future<IncidentStore.Stored> repeat = threads.submit(() -> {
                two.set(Thread.currentThread());
                return holding.report(APPELKERKE, report, ReportChannel.FORM, key, member);
            });
            await().atMost(Duration.ofSeconds(2)).until(() -> isIn(two.get(), "Reporting.awaitEarlier"));
            goOn.countDown();

            IncidentStore.Stored gone = rolledBack.get(10, TimeUnit.SECONDS);
            IncidentStore.Stored own = repeat.get(10, TimeUnit.SECONDS);
            remember(own.incident());
            assertThat(own.created()).isTrue();
            assertThat(own.incident().id()).isNotEqualTo(gone.incident().id());
            assertThat(jdbc.sql("SELECT id FROM incident WHERE submission_key = :k")
                            .param("k", key)
                            .query(UUID.class)
                            .list())
                    .containsExactly(own.incident().id().value());
        } finally {
            goOn.countDown();
            threads.shutdown();
        }
    }

    /**
     * Two reports with one key: the first by {@code first} for Appelkerke, held right after its commit while it waits
     * for its audit row to be chained (the test holds the audit chain's head, which the chainer needs), and then one
     * by {@code second} for {@code secondFor}, which must wait for it without a transaction of its own.
     */
    private List<Future<IncidentStore.Stored>> whileTheFirstWaitsForTheAuditHead(
            UUID key, CurrentUser first, CurrentUser second, UUID secondFor) {
        Report report = mild("dubbelklik");
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            AtomicReference<Thread> one = new AtomicReference<>();
            AtomicReference<Thread> two = new AtomicReference<>();
            return new TransactionTemplate(transactions).execute(status -> {
                jdbc.sql("SELECT seq FROM audit_chain_head WHERE id = 1 FOR UPDATE")
                        .query(Long.class)
                        .single();
                Future<IncidentStore.Stored> stored = threads.submit(() -> {
                    one.set(Thread.currentThread());
                    return reporting.report(APPELKERKE, report, ReportChannel.FORM, key, first);
                });
                await().atMost(Duration.ofMillis(600)).until(() -> isIn(one.get(), "Chainer.await"));
                Future<IncidentStore.Stored> again = threads.submit(() -> {
                    two.set(Thread.currentThread());
                    return reporting.report(secondFor, report, ReportChannel.FORM, key, second);
                });
                await().atMost(Duration.ofMillis(300)).until(() -> isIn(two.get(), "Reporting.awaitEarlier"));
                return List.of(stored, again);
            });
        } finally {
            threads.shutdown();
        }
    }

    private long incidentsWithKey(UUID key) {
        return jdbc.sql("SELECT COUNT(*) FROM incident WHERE submission_key = :k")
                .param("k", key)
                .query(Long.class)
                .single();
    }

    private static boolean isIn(Thread thread, String method) {
        return thread != null
                && Arrays.stream(thread.getStackTrace())
                        .anyMatch(frame ->
                                (simpleName(frame.getClassName()) + "." + frame.getMethodName()).equals(method));
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }

    @Test
    void nobodyReportsForAnotherOrganisation() {
        CurrentUser iso = account("iso@appelkerke.invalid", Map.of(APPELKERKE, OrganisationRole.ORGANISATION_ADMIN));
        CurrentUser officer = account("programma@bolwerk.invalid", Map.of());

        assertThatThrownBy(() ->
                        reporting.report(MUNTHOVE, mild("niet van mij"), ReportChannel.FORM, UUID.randomUUID(), iso))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() ->
                        reporting.report(APPELKERKE, mild("programma"), ReportChannel.FORM, UUID.randomUUID(), officer))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() ->
                        reporting.reportByPhone(APPELKERKE, mild("geen analist"), "Beller", UUID.randomUUID(), iso))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(count()).isZero();
    }

    @Test
    void anAnalystRecordsACallForAnyOrganisationAndItsAdminsAreAcknowledged() {
        CurrentUser analyst = analyst();

        IncidentStore.Stored stored =
                reporting.reportByPhone(MUNTHOVE, mild("telefoon"), "Jan Beller", UUID.randomUUID(), analyst);

        Incident incident = remember(stored.incident());
        assertThat(incident.organisationId()).isEqualTo(MUNTHOVE);
        assertThat(incident.reported().channel()).isEqualTo(ReportChannel.PHONE);
        assertThat(incident.reported().reporter().name()).isEqualTo("Jan Beller");
        assertThat(mails("iso@munthove.invalid", incident.reference()))
                .singleElement()
                .satisfies(body ->
                        assertThat(body).contains("telefonische melding").contains("Jan Beller"));
        assertThat(mails("analist@crt.invalid", incident.reference())).isEmpty();
    }

    private long factRows(UUID incident) {
        return jdbc.sql("SELECT COUNT(*) FROM incident_fact WHERE incident_id = :id")
                .param("id", incident)
                .query(Long.class)
                .single();
    }

    private Report mild(String what) {
        Instant now = clock.instant();
        return new Report(
                marker + " " + what,
                null,
                now.minus(Duration.ofMinutes(30)),
                null,
                Answer.NO,
                null,
                Answer.UNKNOWN,
                Answer.NO,
                null,
                null,
                "+32 50 12 34 56",
                false,
                null,
                null,
                null,
                null,
                null);
    }

    private Incident remember(Incident incident) {
        references.add(incident.reference());
        return incident;
    }

    private long count() {
        return jdbc.sql("SELECT COUNT(*) FROM incident WHERE what_happened LIKE :m")
                .param("m", marker + "%")
                .query(Long.class)
                .single();
    }

    private List<String> mails(String recipient, String reference) {
        return jdbc.sql("SELECT body FROM mail_outbox WHERE recipient = :r AND subject LIKE :s")
                .param("r", recipient)
                .param("s", "%" + reference + "%")
                .query(String.class)
                .list();
    }

    private CurrentUser analyst() {
        CurrentUser base = account("analist@crt.invalid", Map.of());
        return new CurrentUser(
                base.id(), base.email(), base.displayName(), null, true, Set.of(Persona.CRT_ANALYST), Map.of());
    }

    private CurrentUser account(String email, Map<UUID, OrganisationRole> memberships) {
        record Row(UUID id, String name) {}
        Row row = jdbc.sql("SELECT id, display_name FROM user_account WHERE email = :email")
                .param("email", email)
                .query((rs, n) -> new Row(rs.getObject("id", UUID.class), rs.getString("display_name")))
                .single();
        return new CurrentUser(row.id(), email, row.name(), null, true, Set.of(), memberships);
    }
}
