package be.bolwerk.incident.support;

import be.bolwerk.funding.BudgetLineId;
import be.bolwerk.funding.BudgetLineNotFound;
import be.bolwerk.funding.BudgetLineSummary;
import be.bolwerk.funding.BudgetPurpose;
import be.bolwerk.funding.CommitmentId;
import be.bolwerk.funding.Funding;
import be.bolwerk.funding.Invoice;
import be.bolwerk.funding.Reservation;
import be.bolwerk.funding.Settlement;
import be.bolwerk.funding.Share;
import be.bolwerk.incident.IncidentId;
import be.bolwerk.incident.IncidentNotFound;
import be.bolwerk.incident.handling.Actor;
import be.bolwerk.incident.handling.Incident;
import be.bolwerk.incident.handling.IncidentAccess;
import be.bolwerk.organisation.OrganisationDirectory;
import be.bolwerk.organisation.OrganisationId;
import be.bolwerk.shared.Paged;
import be.bolwerk.shared.Refusal;
import be.bolwerk.shared.security.CurrentUser;
import be.bolwerk.shared.security.Persona;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Emergency support for a hit organisation (ADR 0041): its admin asks, the CRT advises, the programme decides
 * and pays from the emergency fund. The money goes through {@link Funding}: approving commits the recommended
 * amount on a line of the emergency fund (capped: the programme pays at most that, whatever the invoice says; a
 * line that cannot cover it refuses, it never goes negative); paying settles that commitment from the invoice.
 * The programme office sees the request (organisation, incident reference, amount, motivation, advice), never the
 * incident itself.
 */
@Service
public class Supporting {

    static final String INCIDENT_NOT_OPEN = "incident.support.rule.incidentNotOpen";
    static final String NOT_EMERGENCY_LINE = "incident.support.rule.notEmergencyLine";

    /**
     * Whether a refusal says the request moved on since the page was loaded (another step was taken, or someone
     * else took one at the same moment): the page then shows the new state instead of the old form.
     */
    public static boolean movedOn(Refusal refusal) {
        return refusal.is(EmergencySupport.STATE) || refusal.is(SupportStore.STALE);
    }

    /** The programme pays the whole invoice up to the approved amount; the organisation the rest. */
    private static final Share WHOLE = new Share(1, 1);

    private final IncidentAccess incidents;
    private final SupportStore store;
    private final Funding funding;
    private final OrganisationDirectory organisations;
    private final SupportMails mails;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Supporting(
            IncidentAccess incidents,
            SupportStore store,
            Funding funding,
            OrganisationDirectory organisations,
            SupportMails mails,
            ApplicationEventPublisher events,
            Clock clock) {
        this.incidents = incidents;
        this.store = store;
        this.funding = funding;
        this.organisations = organisations;
        this.mails = mails;
        this.events = events;
        this.clock = clock;
    }

    /** The requests of an incident, for whoever may see the incident. */
    @Transactional(readOnly = true)
    public List<EmergencySupport> ofIncident(IncidentId id, CurrentUser user) {
        incidents.load(id, user);
        return store.ofIncident(id);
    }

    /** One request as the programme office or the CRT reads it; anyone else is told it does not exist. */
    @Transactional(readOnly = true)
    public EmergencySupport forProgramme(UUID supportId, CurrentUser user) {
        if (!user.hasAny(Persona.PROGRAMME_OFFICER, Persona.CRT_ANALYST)) {
            throw new IncidentNotFound();
        }
        return store.find(supportId).orElseThrow(IncidentNotFound::new);
    }

    /** The programme's list: pending requests first when asked, newest first, 25 a page. */
    @Transactional(readOnly = true)
    public Paged<EmergencySupport> list(Set<SupportStatus> statuses, int page, CurrentUser user) {
        if (!user.hasAny(Persona.PROGRAMME_OFFICER, Persona.CRT_ANALYST)) {
            throw new AccessDeniedException("the programme office and the CRT see the requests");
        }
        int size = 25;
        long total = store.count(statuses);
        int last = (int) Math.max(0, (total - 1) / size);
        int chosen = Math.min(Math.max(page, 0), last);
        return new Paged<>(store.page(statuses, chosen * size, size), chosen, size, total);
    }

    /** The emergency-fund lines the programme can approve from, with what they still have. */
    @Transactional(readOnly = true)
    public List<BudgetLineSummary> emergencyLines() {
        return funding.lines(null).stream()
                .filter(l -> l.purpose() == BudgetPurpose.EMERGENCY_FUND)
                .toList();
    }

    @Transactional
    public UUID request(IncidentId id, EmergencySupport.Request request, CurrentUser user) {
        IncidentAccess.Loaded loaded = incidents.load(id, user);
        if (!loaded.access().mayDecideForOrganisation()) {
            throw new AccessDeniedException("the organisation's admins ask for emergency support");
        }
        Incident incident = loaded.incident();
        if (!incident.status().isOpen()) {
            throw Refusal.conflict(INCIDENT_NOT_OPEN);
        }
        EmergencySupport support = EmergencySupport.request(
                id, incident.organisationId(), incident.reference(), request, Actor.of(user), clock.instant());
        store.insert(support);
        support.events().forEach(events::publishEvent);
        mails.requested(support, name(support, user));
        return support.id();
    }

    @Transactional
    public void recommend(IncidentId id, UUID supportId, BigDecimal amount, String advice, CurrentUser user) {
        EmergencySupport support = forCrt(id, supportId, user);
        support.recommend(amount, advice, Actor.of(user), clock.instant());
        save(support);
        mails.advised(support, name(support, user));
    }

    @Transactional
    public void adviseAgainst(IncidentId id, UUID supportId, String advice, CurrentUser user) {
        EmergencySupport support = forCrt(id, supportId, user);
        support.adviseAgainst(advice, Actor.of(user), clock.instant());
        save(support);
        mails.advised(support, name(support, user));
    }

    @Transactional
    public void withdraw(IncidentId id, UUID supportId, CurrentUser user) {
        if (!incidents.load(id, user).access().mayDecideForOrganisation()) {
            throw new AccessDeniedException("the organisation's admins withdraw a request");
        }
        EmergencySupport support = ofThisIncident(id, supportId);
        support.withdraw();
        save(support);
        mails.withdrawn(support, name(support, user));
    }

    /**
     * Approves the recommended amount from a line of the emergency fund. The commitment and the step are one
     * transaction: a refused step (someone decided first) takes the commitment back with it.
     */
    @Transactional
    public void approve(UUID supportId, BudgetLineId lineId, CurrentUser user) {
        EmergencySupport support = forProgrammeOfficer(supportId, user);
        BudgetLineSummary line = funding.line(lineId).orElseThrow(BudgetLineNotFound::new);
        if (line.purpose() != BudgetPurpose.EMERGENCY_FUND) {
            throw Refusal.invalid(NOT_EMERGENCY_LINE, line.name());
        }
        if (support.status() != SupportStatus.RECOMMENDED) {
            throw Refusal.conflict(EmergencySupport.STATE);
        }
        CommitmentId commitment = funding.reserve(
                lineId,
                new Reservation(
                        support.reference() + " (" + support.incidentReference() + ")",
                        support.organisationId(),
                        support.recommendedAmount(),
                        true,
                        user.id()));
        support.approve(lineId.value(), commitment.value(), line.name(), Actor.of(user), clock.instant());
        save(support);
        mails.decided(support, name(support, user));
    }

    @Transactional
    public void reject(UUID supportId, String reason, CurrentUser user) {
        EmergencySupport support = forProgrammeOfficer(supportId, user);
        support.reject(reason, Actor.of(user), clock.instant());
        save(support);
        mails.decided(support, name(support, user));
    }

    /** Pays the approved support from the supplier's invoice: the programme at most the approved amount. */
    @Transactional
    public Settlement pay(UUID supportId, Invoice invoice, CurrentUser user) {
        EmergencySupport support = forProgrammeOfficer(supportId, user);
        if (support.status() != SupportStatus.APPROVED) {
            throw Refusal.conflict(EmergencySupport.STATE);
        }
        Settlement settlement = funding.settle(new CommitmentId(support.commitmentId()), invoice, WHOLE);
        support.paid(invoice.number(), settlement.programmeShare(), settlement.organisationShare(), clock.instant());
        save(support);
        mails.paid(support, name(support, user));
        return settlement;
    }

    /**
     * Takes back an approval that will not be invoiced: the commitment goes back to its emergency-fund line in the
     * same transaction, so the fund never shows money that is neither spent nor free.
     */
    @Transactional
    public void cancel(UUID supportId, String reason, CurrentUser user) {
        EmergencySupport support = forProgrammeOfficer(supportId, user);
        support.cancel(reason, Actor.of(user), clock.instant());
        save(support);
        funding.release(new CommitmentId(support.commitmentId()));
        mails.cancelled(support, name(support, user));
    }

    /** The organisation's name, for the programme's pages. */
    @Transactional(readOnly = true)
    public String organisationName(EmergencySupport support, CurrentUser user) {
        return name(support, user);
    }

    private EmergencySupport forCrt(IncidentId id, UUID supportId, CurrentUser user) {
        if (!incidents.load(id, user).access().mayHandle()) {
            throw new AccessDeniedException("the CRT advises on emergency support");
        }
        return ofThisIncident(id, supportId);
    }

    /** A request of this incident: an id of another incident's request is not found, whoever asks. */
    private EmergencySupport ofThisIncident(IncidentId id, UUID supportId) {
        return store.find(supportId).filter(s -> s.incidentId().equals(id)).orElseThrow(IncidentNotFound::new);
    }

    private EmergencySupport forProgrammeOfficer(UUID supportId, CurrentUser user) {
        if (!user.has(Persona.PROGRAMME_OFFICER)) {
            if (user.has(Persona.CRT_ANALYST)) {
                throw new AccessDeniedException("the programme office decides on emergency support");
            }
            throw new IncidentNotFound();
        }
        return store.find(supportId).orElseThrow(IncidentNotFound::new);
    }

    private void save(EmergencySupport support) {
        store.update(support);
        support.events().forEach(events::publishEvent);
    }

    /** Everyone who takes a step sees the organisation: its admin, the CRT, the programme office. */
    private String name(EmergencySupport support, CurrentUser user) {
        return organisations
                .profile(new OrganisationId(support.organisationId()), user)
                .name();
    }
}
