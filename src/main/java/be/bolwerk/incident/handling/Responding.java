package be.bolwerk.incident.handling;

import be.bolwerk.identity.ProgrammePeople;
import be.bolwerk.incident.IncidentCategory;
import be.bolwerk.incident.IncidentId;
import be.bolwerk.incident.IncidentSeverity;
import be.bolwerk.incident.Tlp;
import be.bolwerk.shared.Refusal;
import be.bolwerk.shared.security.CurrentUser;
import be.bolwerk.shared.security.Persona;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The CRT's work on one incident, one method per step: load it for the person (404 when they may not see it), check
 * that they may handle it (403 for the organisation's own people, who read along), refuse a page that was stale,
 * let the incident check its rule, store it with its history line, publish its events and queue the mails, all in
 * one transaction.
 */
@Service
public class Responding {

    public static final String LEAD_NOT_ANALYST = "incident.rule.leadNotAnalyst";
    public static final String MERGE_TARGET_UNKNOWN = "incident.rule.mergeTargetUnknown";

    /** What triage and reclassification decide; the lead is an account id of a CRT analyst. */
    public record Classification(IncidentSeverity severity, IncidentCategory category, UUID leadAnalyst, Tlp tlp) {}

    private final IncidentAccess access;
    private final IncidentStore store;
    private final ProgrammePeople people;
    private final IncidentStepMails mails;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Responding(
            IncidentAccess access,
            IncidentStore store,
            ProgrammePeople people,
            IncidentStepMails mails,
            ApplicationEventPublisher events,
            Clock clock) {
        this.access = access;
        this.store = store;
        this.people = people;
        this.mails = mails;
        this.events = events;
        this.clock = clock;
    }

    /** The CRT analysts who may lead a response, by name. */
    @Transactional(readOnly = true)
    public List<ProgrammePeople.Holder> analysts() {
        return people.holding(Persona.CRT_ANALYST);
    }

    /** The incident's step history, oldest first, for a person who may see it. */
    @Transactional(readOnly = true)
    public List<IncidentStep> history(IncidentId id, CurrentUser user) {
        access.load(id, user);
        return store.steps(id);
    }

    @Transactional
    public void triage(IncidentId id, int revision, Classification c, CurrentUser user) {
        Incident incident = handle(id, revision, user);
        Actor lead = analyst(c.leadAnalyst());
        incident.triage(c.severity(), c.category(), lead, c.tlp(), Actor.of(user), clock.instant());
        save(incident);
        mails.stepTaken(incident);
        mails.leadAssigned(incident);
    }

    @Transactional
    public void reclassify(IncidentId id, int revision, Classification c, CurrentUser user) {
        Incident incident = handle(id, revision, user);
        UUID leadBefore =
                incident.leadAnalyst() == null ? null : incident.leadAnalyst().id();
        Actor lead = analyst(c.leadAnalyst());
        incident.reclassify(c.severity(), c.category(), lead, c.tlp(), Actor.of(user), clock.instant());
        save(incident);
        if (!lead.id().equals(leadBefore)) {
            mails.leadAssigned(incident);
        }
    }

    @Transactional
    public void contain(IncidentId id, int revision, CurrentUser user) {
        step(id, revision, user, (i, a) -> i.contain(a, clock.instant()));
    }

    @Transactional
    public void eradicate(IncidentId id, int revision, CurrentUser user) {
        step(id, revision, user, (i, a) -> i.eradicate(a, clock.instant()));
    }

    @Transactional
    public void recover(IncidentId id, int revision, CurrentUser user) {
        step(id, revision, user, (i, a) -> i.recover(a, clock.instant()));
    }

    @Transactional
    public void close(IncidentId id, int revision, String outcome, String impact, CurrentUser user) {
        step(id, revision, user, (i, a) -> i.close(outcome, impact, a, clock.instant()));
    }

    @Transactional
    public void dismiss(IncidentId id, int revision, String reason, CurrentUser user) {
        step(id, revision, user, (i, a) -> i.dismiss(reason, a, clock.instant()));
    }

    /** Merges into the incident people name by its reference; one that does not exist is refused as input. */
    @Transactional
    public void merge(IncidentId id, int revision, String targetReference, String reason, CurrentUser user) {
        Incident incident = handle(id, revision, user);
        Incident other = targetReference == null || targetReference.isBlank()
                ? null
                : store.byReference(targetReference).orElse(null);
        if (other == null) {
            throw Refusal.invalid(MERGE_TARGET_UNKNOWN);
        }
        incident.mergeInto(other, reason, Actor.of(user), clock.instant());
        save(incident);
        mails.stepTaken(incident);
    }

    @Transactional
    public void putOnHold(IncidentId id, int revision, String reason, CurrentUser user) {
        step(id, revision, user, (i, a) -> i.putOnHold(reason, a, clock.instant()));
    }

    @Transactional
    public void resume(IncidentId id, int revision, CurrentUser user) {
        step(id, revision, user, (i, a) -> i.resume(a, clock.instant()));
    }

    @Transactional
    public void reopen(IncidentId id, int revision, String reason, CurrentUser user) {
        step(id, revision, user, (i, a) -> i.reopen(reason, a, clock.instant()));
    }

    /** A transition of one incident by one actor. */
    private interface Transition {
        void take(Incident incident, Actor actor);
    }

    private void step(IncidentId id, int revision, CurrentUser user, Transition transition) {
        Incident incident = handle(id, revision, user);
        transition.take(incident, Actor.of(user));
        save(incident);
        mails.stepTaken(incident);
    }

    /**
     * Loads the incident for a CRT analyst. The revision is the one the person's page showed: a step decided on an
     * older picture (someone else moved the incident meanwhile) is refused as stale rather than applied to a state
     * they did not see.
     */
    private Incident handle(IncidentId id, int revision, CurrentUser user) {
        IncidentAccess.Loaded loaded = access.load(id, user);
        if (!loaded.access().mayHandle()) {
            throw new AccessDeniedException("only the CRT handles incidents");
        }
        if (loaded.incident().revision() != revision) {
            throw Refusal.conflict(IncidentStore.STALE);
        }
        return loaded.incident();
    }

    private Actor analyst(UUID accountId) {
        if (accountId == null) {
            throw Refusal.invalid(Incident.LEAD_REQUIRED);
        }
        return analysts().stream()
                .filter(h -> h.accountId().equals(accountId))
                .findFirst()
                .map(h -> new Actor(h.accountId(), h.displayName()))
                .orElseThrow(() -> Refusal.invalid(LEAD_NOT_ANALYST));
    }

    private void save(Incident incident) {
        store.update(incident);
        incident.events().forEach(events::publishEvent);
    }
}
