package be.bolwerk.incident.intake;

import be.bolwerk.incident.ReportChannel;
import be.bolwerk.incident.handling.Actor;
import be.bolwerk.incident.handling.Incident;
import be.bolwerk.incident.handling.IncidentStore;
import be.bolwerk.incident.handling.Report;
import be.bolwerk.organisation.OrganisationDirectory;
import be.bolwerk.organisation.OrganisationId;
import be.bolwerk.shared.Refusal;
import be.bolwerk.shared.security.CurrentUser;
import be.bolwerk.shared.security.Persona;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * How an incident reaches the CRT. Anyone of the organisation may raise the alarm, viewers included (in a crisis
 * the person who notices it first may hold no other role); a CRT analyst records a phone call for any organisation.
 * The submission key makes a report idempotent: the same key again answers the incident it made, and only the call
 * that stored it publishes its events and sends its mails; the answer says which call that was.
 *
 * <p>A second request with a key this node is still storing (the double click) waits for the first and answers with
 * the incident the first stored, after the same check of who sends it, without a transaction of its own. The
 * database's unique key alone would also make it find the first's incident, but only after waiting on that key
 * with a pool connection in hand; under a burst of reports half the pool sat waiting that way, and each repeat
 * then cost an insert, a read and a commit (docs/performance.md). If the first fails, the second goes to the
 * database as if alone. Other nodes still meet at the unique key.
 */
@Service
public class Reporting {

    static final String KEY_USED = "incident.rule.submissionKeyUsed";

    /** Longer than a report takes even under a burst; shorter than a browser's patience. */
    private static final Duration WAIT_FOR_EARLIER = Duration.ofSeconds(10);

    private final IncidentStore store;
    private final ReportMails mails;
    private final OrganisationDirectory organisations;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final Map<UUID, CompletableFuture<IncidentStore.Stored>> storing = new ConcurrentHashMap<>();

    Reporting(
            IncidentStore store,
            ReportMails mails,
            OrganisationDirectory organisations,
            ApplicationEventPublisher events,
            Clock clock,
            PlatformTransactionManager transactionManager) {
        this.store = store;
        this.mails = mails;
        this.organisations = organisations;
        this.events = events;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /** A report by one of the organisation's people, through the form ({@code FORM}) or the API ({@code API}). */
    public IncidentStore.Stored report(
            UUID organisationId, Report report, ReportChannel channel, UUID submissionKey, CurrentUser user) {
        if (channel == ReportChannel.PHONE) {
            throw new IllegalArgumentException("phone reports are recorded by reportByPhone");
        }
        if (user.roleIn(organisationId).isEmpty()) {
            throw new AccessDeniedException("only the organisation's people report for it");
        }
        return once(
                submissionKey,
                organisationId,
                user.id(),
                () -> store(organisationId, report, channel, Actor.of(user), submissionKey, user));
    }

    /**
     * A call to the CRT, recorded by the analyst who took it for the organisation that called. The caller is named
     * as the reporter, under the analyst's account id (the audit trail names the analyst); the acknowledgement goes
     * to the organisation's admins, since the caller may have no account.
     */
    public IncidentStore.Stored reportByPhone(
            UUID organisationId, Report report, String callerName, UUID submissionKey, CurrentUser analyst) {
        if (!analyst.has(Persona.CRT_ANALYST)) {
            throw new AccessDeniedException("only CRT analysts record phone reports");
        }
        Actor caller = new Actor(analyst.id(), callerName.strip());
        return once(submissionKey, organisationId, analyst.id(), () -> {
            // Refuses an organisation that does not exist (404) before anything is written.
            organisations.profile(new OrganisationId(organisationId), analyst);
            return store(organisationId, report, ReportChannel.PHONE, caller, submissionKey, analyst);
        });
    }

    /**
     * Runs the work in a transaction of its own (or the caller's), unless this node is storing the same key right
     * now: then the answer is the incident that request stored, once it has committed. The wait is bounded: past
     * it, when the earlier request failed, or when it ran inside a caller's transaction, the work goes ahead and the
     * unique key decides.
     */
    private IncidentStore.Stored once(
            UUID submissionKey, UUID organisationId, UUID reporterId, Supplier<IncidentStore.Stored> work) {
        CompletableFuture<IncidentStore.Stored> mine = new CompletableFuture<>();
        CompletableFuture<IncidentStore.Stored> earlier = storing.putIfAbsent(submissionKey, mine);
        if (earlier != null) {
            IncidentStore.Stored theirs = awaitEarlier(earlier);
            return theirs != null
                    ? repeated(theirs.incident(), organisationId, reporterId)
                    : transactions.execute(status -> work.get());
        }
        // Inside a caller's transaction the incident is not committed when the work returns, and may yet roll back:
        // then whoever waits goes to the database, where the unique key makes it wait for that transaction's end.
        boolean committedHere = !TransactionSynchronizationManager.isActualTransactionActive();
        try {
            IncidentStore.Stored stored = transactions.execute(status -> work.get());
            if (committedHere) {
                mine.complete(stored);
            }
            return stored;
        } finally {
            storing.remove(submissionKey, mine);
            // A failed first answers nothing: whoever waited goes to the database.
            mine.complete(null);
        }
    }

    /**
     * What the earlier request with the key stored and committed; null if it failed, committed elsewhere or took
     * too long. The earlier request always completes it normally, never exceptionally.
     */
    private static IncidentStore.Stored awaitEarlier(CompletableFuture<IncidentStore.Stored> earlier) {
        try {
            return earlier.get(WAIT_FOR_EARLIER.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return null;
        } catch (InterruptedException e) {
            // The request is being stopped: it stores nothing and answers nothing.
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while a report with the same key was stored", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The answer to a key that was used before: the incident it made, if it was made by the same person for the
     * same organisation. A key is random per form; the same key from someone else is a replay of a key they should
     * not have, and must not hand them the other report.
     */
    private static IncidentStore.Stored repeated(Incident incident, UUID organisationId, UUID reporterId) {
        if (!incident.organisationId().equals(organisationId)
                || !incident.reported().reporter().id().equals(reporterId)) {
            throw Refusal.conflict(KEY_USED);
        }
        return new IncidentStore.Stored(incident, false);
    }

    private IncidentStore.Stored store(
            UUID organisationId,
            Report report,
            ReportChannel channel,
            Actor reporter,
            UUID submissionKey,
            CurrentUser user) {
        Incident incident = Incident.report(organisationId, report, channel, reporter, submissionKey, clock.instant());
        IncidentStore.Stored stored = store.insert(incident);
        if (!stored.created()) {
            return repeated(stored.incident(), organisationId, reporter.id());
        }
        incident.events().forEach(events::publishEvent);
        String organisationName =
                organisations.profile(new OrganisationId(organisationId), user).name();
        mails.reported(stored.incident(), organisationName);
        return stored;
    }
}
