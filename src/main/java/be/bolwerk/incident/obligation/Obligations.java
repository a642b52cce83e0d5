package be.bolwerk.incident.obligation;

import be.bolwerk.incident.IncidentId;
import be.bolwerk.incident.IncidentNotFound;
import be.bolwerk.incident.event.IncidentReported;
import be.bolwerk.incident.handling.Access;
import be.bolwerk.incident.handling.Actor;
import be.bolwerk.incident.handling.Incident;
import be.bolwerk.incident.handling.IncidentAccess;
import be.bolwerk.incident.handling.IncidentStore;
import be.bolwerk.organisation.Nis2Scope;
import be.bolwerk.organisation.OrganisationDirectory;
import be.bolwerk.organisation.OrganisationId;
import be.bolwerk.shared.Refusal;
import be.bolwerk.shared.security.CurrentUser;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The use case of the regulator obligations: read them, change the facts, record a submission or that an
 * obligation does not apply, add a voluntary notification or a supplement. CRT analysts and the organisation's
 * admins record; its members and viewers read (403 when they try); anyone else gets 404 through
 * {@link IncidentAccess}. After each change the obligations are reconciled with the rules, in the same
 * transaction and under a lock on the incident's facts, so that two saves cannot both add the same obligation.
 */
@Service
public class Obligations {

    /** What the obligations page shows. */
    public record View(
            IncidentFacts.Values facts,
            List<Obligation> obligations,
            List<History> history,
            Nis2Scope nis2Scope,
            Recipient breachAuthority,
            boolean mayRecord) {}

    /** One change of a fact, for the history on the page. */
    public record History(String fact, String oldValue, String newValue, String by, Instant at) {}

    /** What a submission records. */
    public record Submission(
            Instant submittedAt, String channel, String externalReference, boolean phased, String delayReason) {}

    private static final Comparator<Obligation> ORDER = Comparator.comparing(
                    Obligation::dueAt, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Obligation::kind);

    private final IncidentAccess access;
    private final IncidentStore incidents;
    private final FactStore facts;
    private final ObligationStore store;
    private final BreachAuthorities authorities;
    private final OrganisationDirectory organisations;
    private final ObligationMails mails;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Obligations(
            IncidentAccess access,
            IncidentStore incidents,
            FactStore facts,
            ObligationStore store,
            BreachAuthorities authorities,
            OrganisationDirectory organisations,
            ObligationMails mails,
            ApplicationEventPublisher events,
            Clock clock) {
        this.access = access;
        this.incidents = incidents;
        this.facts = facts;
        this.store = store;
        this.authorities = authorities;
        this.organisations = organisations;
        this.mails = mails;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public View view(IncidentId id, CurrentUser user) {
        IncidentAccess.Loaded loaded = access.load(id, user);
        Incident incident = loaded.incident();
        // Before the report's event arrived there is no row yet: the page shows the facts the report gives.
        IncidentFacts current = facts.find(id).orElseGet(() -> first(incident));
        OrganisationDirectory.Regulation regulation =
                organisations.regulation(new OrganisationId(incident.organisationId()));
        List<History> history = facts.history(id).stream()
                .map(h -> new History(h.fact(), h.oldValue(), h.newValue(), h.by(), h.at()))
                .toList();
        return new View(
                current.values(),
                store.of(id).stream().sorted(ORDER).toList(),
                history,
                regulation.nis2Scope(),
                authorities.forType(regulation.type()),
                mayRecord(loaded.access()));
    }

    /** The first facts of a reported incident; a redelivered event (or a second call) changes nothing. */
    @Transactional
    public void open(IncidentReported reported) {
        incidents.find(reported.incidentId()).ifPresent(incident -> facts.insertIfAbsent(first(incident)));
    }

    /**
     * The organisation's type or NIS2 scope may have changed: every open incident's pending obligations are brought
     * in line, as a change of facts would (new ones added and mailed, moved ones moved, gone ones removed; submitted
     * ones stay). Without this an organisation brought into NIS2 scope during an incident would see its deadlines only
     * at the incident's next change of facts. Changes nothing when the rules find what is already there.
     */
    @Transactional
    public void regulationChanged(UUID organisationId) {
        for (IncidentId id : facts.openIncidentsOf(organisationId)) {
            incidents.find(id).ifPresent(incident -> reconcile(incident, locked(incident)));
        }
    }

    @Transactional
    public void changeFacts(IncidentId id, IncidentFacts.Values values, CurrentUser user) {
        Incident incident = recordable(id, user);
        IncidentFacts current = locked(incident);
        Actor by = Actor.of(user);
        Instant now = clock.instant();
        current.change(values, by, now, incident.reference());
        facts.update(current, by, now);
        current.event().ifPresent(events::publishEvent);
        reconcile(incident, current);
    }

    @Transactional
    public void submit(IncidentId id, UUID obligationId, Submission submission, CurrentUser user) {
        Incident incident = recordable(id, user);
        IncidentFacts current = locked(incident);
        Obligation obligation = store.find(id, obligationId).orElseThrow(IncidentNotFound::new);
        obligation.submit(
                submission.submittedAt(),
                submission.channel(),
                submission.externalReference(),
                submission.phased(),
                submission.delayReason(),
                Actor.of(user),
                clock.instant(),
                incident.reference());
        store.update(obligation, false);
        obligation.event().ifPresent(events::publishEvent);
        mails.recorded(incident, obligation, user.id());
        // The chain: a submitted notification starts the final report's (or progress report's) clock.
        reconcile(incident, current);
    }

    @Transactional
    public void declareNotApplicable(IncidentId id, UUID obligationId, String reason, CurrentUser user) {
        Incident incident = recordable(id, user);
        locked(incident);
        Obligation obligation = store.find(id, obligationId).orElseThrow(IncidentNotFound::new);
        obligation.declareNotApplicable(reason, Actor.of(user), clock.instant(), incident.reference());
        store.update(obligation, false);
        obligation.event().ifPresent(events::publishEvent);
        mails.recorded(incident, obligation, user.id());
    }

    /** Adds a voluntary NIS2 notification (to the CCB) or a supplement to the GDPR notification (its authority). */
    @Transactional
    public void add(IncidentId id, ObligationKind kind, CurrentUser user) {
        Incident incident = recordable(id, user);
        if (kind == null || !kind.manual()) {
            throw Refusal.invalid(Obligation.NOT_MANUAL);
        }
        locked(incident);
        Recipient recipient = kind == ObligationKind.NIS2_VOLUNTARY
                ? Recipient.CCB
                : authorities.forType(organisations
                        .regulation(new OrganisationId(incident.organisationId()))
                        .type());
        Obligation added = Obligation.added(
                id, incident.organisationId(), kind, recipient, Actor.of(user), clock.instant(), incident.reference());
        store.insert(added);
        added.event().ifPresent(events::publishEvent);
    }

    private Incident recordable(IncidentId id, CurrentUser user) {
        IncidentAccess.Loaded loaded = access.load(id, user);
        if (!mayRecord(loaded.access())) {
            throw new AccessDeniedException("members and viewers read the obligations");
        }
        return loaded.incident();
    }

    private static boolean mayRecord(Access access) {
        return access.mayHandle() || access.mayDecideForOrganisation();
    }

    private IncidentFacts locked(Incident incident) {
        facts.insertIfAbsent(first(incident));
        return facts.lock(incident.id());
    }

    private static IncidentFacts first(Incident incident) {
        return IncidentFacts.fromReport(
                incident.id(),
                incident.organisationId(),
                incident.report().startedAt(),
                incident.report().noticedAt());
    }

    /** Brings the pending obligations in line with the rules: new ones added, moved ones moved, gone ones removed. */
    private void reconcile(Incident incident, IncidentFacts current) {
        OrganisationDirectory.Regulation regulation =
                organisations.regulation(new OrganisationId(incident.organisationId()));
        List<Obligation> existing = store.of(incident.id());
        Map<ObligationKind, Instant> submitted = new EnumMap<>(ObligationKind.class);
        for (Obligation o : existing) {
            if (o.record().submittedAt() != null) {
                submitted.put(o.kind(), o.record().submittedAt());
            }
        }
        List<Deadlines.Due> dues = Deadlines.of(new Deadlines.Situation(
                current.values(), regulation.nis2Scope(), authorities.forType(regulation.type()), submitted));
        for (Deadlines.Due due : dues) {
            Optional<Obligation> found =
                    existing.stream().filter(o -> o.kind() == due.kind()).findFirst();
            if (found.isEmpty()) {
                Obligation fresh = Obligation.pending(incident.id(), incident.organisationId(), due);
                store.insert(fresh);
                mails.started(incident, fresh);
            } else if (found.get().reschedule(due)) {
                store.update(found.get(), true);
            }
        }
        for (Obligation o : existing) {
            boolean stillDue = dues.stream().anyMatch(d -> d.kind() == o.kind());
            if (!o.kind().manual() && o.state() == ObligationState.PENDING && !stillDue) {
                store.removePending(o);
            }
        }
    }
}
