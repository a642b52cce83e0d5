package be.bolwerk.findings.register;

import be.bolwerk.findings.FindingId;
import be.bolwerk.findings.RetestResult;
import be.bolwerk.findings.cvss.CvssVector;
import be.bolwerk.findings.sla.SlaProfiles;
import be.bolwerk.identity.OrganisationMember;
import be.bolwerk.identity.OrganisationMembers;
import be.bolwerk.shared.BelgianTime;
import be.bolwerk.shared.Refusal;
import be.bolwerk.shared.security.CurrentUser;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The work on a finding, one method per step: load it for the person (404 outside their organisations), check that
 * their role may take the step (403 otherwise), let the finding check its own rule, store it and publish its events
 * in one transaction.
 */
@Service
public class Handling {

    static final String NOT_A_MEMBER = "finding.rule.ownerNotMember";

    private final FindingAccess access;
    private final FindingStore store;
    private final SlaProfiles sla;
    private final FindingMails mails;
    private final OrganisationMembers members;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Handling(
            FindingAccess access,
            FindingStore store,
            SlaProfiles sla,
            FindingMails mails,
            OrganisationMembers members,
            ApplicationEventPublisher events,
            Clock clock) {
        this.access = access;
        this.store = store;
        this.sla = sla;
        this.mails = mails;
        this.members = members;
        this.events = events;
        this.clock = clock;
    }

    /** Gives the finding to an active member of its organisation, who gets a mail. */
    @Transactional
    public void assign(FindingId id, UUID ownerId, CurrentUser user) {
        Finding finding = decide(id, user);
        OrganisationMember owner = members.activeMember(finding.organisationId(), ownerId)
                .orElseThrow(() -> Refusal.invalid(NOT_A_MEMBER));
        finding.assign(owner.accountId(), owner.displayName(), Actor.of(user), clock.instant());
        save(finding);
        mails.assigned(store.find(id).orElseThrow());
    }

    @Transactional
    public void change(FindingId id, Finding.Details details, CurrentUser user) {
        Finding finding = work(id, user);
        finding.change(details, sla.effective(finding.organisationId()), Actor.of(user), clock.instant());
        save(finding);
    }

    @Transactional
    public void confirm(FindingId id, CurrentUser user) {
        step(work(id, user), f -> f.confirm(Actor.of(user), clock.instant()));
    }

    @Transactional
    public void startWork(FindingId id, CurrentUser user) {
        step(work(id, user), f -> f.startWork(Actor.of(user), clock.instant()));
    }

    @Transactional
    public void resolve(FindingId id, String note, CurrentUser user) {
        step(work(id, user), f -> f.resolve(note, Actor.of(user), clock.instant()));
    }

    @Transactional
    public void retest(
            FindingId id, LocalDate testedOn, String tester, RetestResult result, String note, CurrentUser user) {
        FindingAccess.Loaded loaded = access.load(id, user);
        if (!loaded.access().mayRetest()) {
            throw new AccessDeniedException("only the organisation's admins record retests");
        }
        step(
                loaded.finding(),
                f -> f.retest(
                        testedOn, tester, result, note, BelgianTime.today(clock), Actor.of(user), clock.instant()));
    }

    @Transactional
    public void reopen(FindingId id, String reason, CurrentUser user) {
        step(decide(id, user), f -> f.reopen(reason, Actor.of(user), clock.instant()));
    }

    /** Closes the finding as the same as another finding of its organisation; one the person cannot see is 404. */
    @Transactional
    public void markDuplicate(FindingId id, FindingId original, CurrentUser user) {
        Finding finding = decide(id, user);
        Finding other = store.find(original)
                .filter(o -> o.organisationId().equals(finding.organisationId()))
                .orElseThrow(FindingNotFound::new);
        step(finding, f -> f.markDuplicateOf(other, Actor.of(user), clock.instant()));
    }

    @Transactional
    public void markFalsePositive(FindingId id, String reason, CurrentUser user) {
        step(decide(id, user), f -> f.markFalsePositive(reason, Actor.of(user), clock.instant()));
    }

    @Transactional
    public void markOutOfScope(FindingId id, String reason, CurrentUser user) {
        step(decide(id, user), f -> f.markOutOfScope(reason, Actor.of(user), clock.instant()));
    }

    /**
     * The audit's report arrived on {@code reportDate}: the open findings of that audit count their SLA from then.
     * Each finding moves once (its history remembers the restart), so the event may arrive twice.
     */
    @Transactional
    public int restartAtReport(UUID organisationId, UUID auditOrderId, LocalDate reportDate) {
        int moved = 0;
        for (FindingId id : store.awaitingReport(organisationId, auditOrderId)) {
            Finding finding = store.find(id).orElseThrow();
            if (reportDate.isBefore(finding.slaStart())) {
                continue;
            }
            finding.restartSla(reportDate, sla.effective(organisationId), Raising.SOURCE, clock.instant());
            save(finding);
            moved++;
        }
        return moved;
    }

    private Finding work(FindingId id, CurrentUser user) {
        FindingAccess.Loaded loaded = access.load(id, user);
        if (!loaded.access().mayWork()) {
            throw new AccessDeniedException("viewers read the register");
        }
        return loaded.finding();
    }

    private Finding decide(FindingId id, CurrentUser user) {
        FindingAccess.Loaded loaded = access.load(id, user);
        if (!loaded.access().mayDecide()) {
            throw new AccessDeniedException("only the organisation's admins decide on findings");
        }
        return loaded.finding();
    }

    private void step(Finding finding, Consumer<Finding> transition) {
        transition.accept(finding);
        save(finding);
    }

    private void save(Finding finding) {
        store.update(finding);
        finding.events().forEach(events::publishEvent);
    }

    // Write API
    /**
     * Takes one of the steps above for an API client that sent the revision it read ({@code If-Match}): refused as
     * stale ({@code finding.rule.stale}) when the finding moved on since, also when another step slips in between
     * this check and the step's own load (the step must then have written exactly the next revision, or all of it
     * is rolled back). Without a revision ({@code null}) the step runs as on the pages.
     */
    @Transactional
    public void atRevision(FindingId id, Integer revision, CurrentUser user, Runnable step) {
        if (revision != null && access.load(id, user).finding().revision() != revision) {
            throw Refusal.conflict(FindingStore.STALE);
        }
        step.run();
        if (revision != null && store.find(id).orElseThrow().revision() != revision + 1) {
            throw Refusal.conflict(FindingStore.STALE);
        }
    }

    // CVSS in the forms (ADR 0029)

    /**
     * New details and CVSS vector (checked and scored by {@code findings.cvss}; null clears it) in one step; the
     * vector is rated only when it changed.
     */
    @Transactional
    public void change(FindingId id, Finding.Details details, CvssVector cvss, CurrentUser user) {
        Finding finding = work(id, user);
        finding.change(details, sla.effective(finding.organisationId()), Actor.of(user), clock.instant());
        String vector = cvss == null ? null : cvss.text();
        if (!java.util.Objects.equals(vector, finding.cvssVector())) {
            finding.rate(vector, cvss == null ? null : cvss.score(), Actor.of(user), clock.instant());
        }
        save(finding);
    }
}
