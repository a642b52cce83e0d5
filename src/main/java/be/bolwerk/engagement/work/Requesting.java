package be.bolwerk.engagement.work;

import be.bolwerk.engagement.EngagementId;
import be.bolwerk.engagement.EngagementScopeChanged;
import be.bolwerk.engagement.scope.Consent;
import be.bolwerk.engagement.scope.ConsentKind;
import be.bolwerk.engagement.scope.Scope;
import be.bolwerk.engagement.scope.ScopeText;
import be.bolwerk.identity.ProgrammePeople;
import be.bolwerk.organisation.OrganisationDirectory;
import be.bolwerk.organisation.OrganisationProfile;
import be.bolwerk.shared.BelgianTime;
import be.bolwerk.shared.Refusal;
import be.bolwerk.shared.UploadRefused;
import be.bolwerk.shared.security.CurrentUser;
import be.bolwerk.shared.security.OrganisationRole;
import be.bolwerk.shared.security.Persona;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The organisation's side of an engagement: requesting it, changing its scope and consents (which voids a
 * signature), signing the rules of engagement, closing it, and the evidence deletion date (with the supervisor).
 * Only the organisation's admins act; its other members read.
 */
@Service
public class Requesting {

    public static final String UNKNOWN_COLLEGE = "engagement.request.college";
    public static final String PARTY_REQUIRED = "engagement.consent.party";

    private final EngagementStore store;
    private final EngagementAccess access;
    private final EngagementMails mails;
    private final OrganisationDirectory organisations;
    private final ProgrammePeople people;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Requesting(
            EngagementStore store,
            EngagementAccess access,
            EngagementMails mails,
            OrganisationDirectory organisations,
            ProgrammePeople people,
            ApplicationEventPublisher events,
            Clock clock) {
        this.store = store;
        this.access = access;
        this.mails = mails;
        this.organisations = organisations;
        this.people = people;
        this.events = events;
        this.clock = clock;
    }

    /** The colleges whose supervisors can take an engagement, by name. */
    @Transactional(readOnly = true)
    public List<String> colleges() {
        return people.holding(Persona.HACKING_SUPERVISOR).stream()
                .map(ProgrammePeople.Holder::affiliation)
                .filter(a -> a != null && !a.isBlank())
                .distinct()
                .sorted()
                .toList();
    }

    /** The organisations the person may request an engagement for: those they administer. */
    @Transactional(readOnly = true)
    public List<OrganisationProfile> organisations(CurrentUser user) {
        return organisations.memberOf(user).stream()
                .filter(o -> user.roleIn(o.id().value()).orElse(null) == OrganisationRole.ORGANISATION_ADMIN)
                .toList();
    }

    @Transactional
    public EngagementId request(UUID organisationId, String title, String college, Scope scope, CurrentUser user) {
        OrganisationProfile organisation = organisations(user).stream()
                .filter(o -> o.id().value().equals(organisationId))
                .findFirst()
                .orElseThrow(() -> new AccessDeniedException("not an admin of this organisation"));
        if (!colleges().contains(college)) {
            throw Refusal.invalid(UNKNOWN_COLLEGE);
        }
        Engagement engagement = Engagement.request(
                organisationId,
                organisation.name(),
                title,
                college,
                scope.withConsents(List.of()),
                Person.of(user),
                clock.instant());
        store.insert(engagement);
        mails.signatureRequested(engagement);
        engagement.events().forEach(events::publishEvent);
        return engagement.id();
    }

    @Transactional
    public void changeScope(EngagementId id, String title, Scope scope, CurrentUser user) {
        Engagement engagement = forAdmin(id, user);
        engagement.changeScope(
                title, scope.withConsents(engagement.scope().consents()), Person.of(user), clock.instant());
        saved(engagement);
    }

    /** A third party's consent: a PDF, which becomes part of the scope and so voids a signature. */
    @Transactional
    public void addConsent(
            EngagementId id,
            String party,
            ConsentKind kind,
            String fileName,
            byte[] content,
            String path,
            String clientAddress,
            CurrentUser user) {
        Engagement engagement = forAdmin(id, user);
        if (party == null || party.isBlank() || party.strip().length() > 200) {
            throw Refusal.invalid(PARTY_REQUIRED);
        }
        Files.Checked checked;
        try {
            checked = Files.consent(fileName, content);
        } catch (Refusal refused) {
            events.publishEvent(UploadRefused.of(path, refused, fileName, engagement.organisationId(), clientAddress));
            throw refused;
        }
        Consent consent =
                new Consent(UUID.randomUUID(), party.strip(), kind, checked.name(), ScopeText.sha256(content));
        List<Consent> consents = new ArrayList<>(engagement.scope().consents());
        consents.add(consent);
        Instant now = clock.instant();
        engagement.changeScope(engagement.title(), engagement.scope().withConsents(consents), Person.of(user), now);
        store.addConsent(id, engagement.organisationId(), consent, content, user.id(), now);
        saved(engagement);
    }

    @Transactional
    public void removeConsent(EngagementId id, UUID consentId, CurrentUser user) {
        Engagement engagement = forAdmin(id, user);
        List<Consent> consents = engagement.scope().consents().stream()
                .filter(c -> !c.id().equals(consentId))
                .toList();
        if (consents.size() == engagement.scope().consents().size()) {
            throw new EngagementNotFound();
        }
        engagement.changeScope(
                engagement.title(), engagement.scope().withConsents(consents), Person.of(user), clock.instant());
        store.removeConsent(id, consentId);
        saved(engagement);
    }

    /**
     * The signatory signs the text they saw: {@code shownHash} is the hash on the page they confirmed. If the
     * scope changed in between, they did not see what they would sign, and the signature is refused.
     */
    @Transactional
    public void sign(EngagementId id, String shownHash, String clientAddress, CurrentUser user) {
        Engagement engagement = forAdmin(id, user);
        if (!ScopeText.sha256(engagement.canonicalText()).equals(shownHash)) {
            throw Refusal.conflict("engagement.sign.changed");
        }
        engagement.sign(Person.of(user), clientAddress, !store.students(id).isEmpty(), clock.instant());
        store.update(engagement);
        mails.signed(engagement);
        engagement.events().forEach(events::publishEvent);
    }

    @Transactional
    public void close(EngagementId id, CurrentUser user) {
        Engagement engagement = forAdmin(id, user);
        engagement.close(Person.of(user), clock.instant(), BelgianTime.today(clock));
        store.update(engagement);
        mails.closed(engagement);
        engagement.events().forEach(events::publishEvent);
    }

    @Transactional
    public void setEvidenceDeletion(EngagementId id, LocalDate date, CurrentUser user) {
        EngagementAccess.Loaded loaded = access.load(id, user);
        if (!loaded.access().maySetDeletionDate()) {
            throw new AccessDeniedException("not the organisation's admin or the supervisor");
        }
        Engagement engagement = loaded.engagement();
        engagement.setEvidenceDeletion(date, Person.of(user), clock.instant(), BelgianTime.today(clock));
        store.update(engagement);
        mails.evidenceDeletionDateSet(engagement);
        engagement.events().forEach(events::publishEvent);
    }

    private void saved(Engagement engagement) {
        store.update(engagement);
        if (engagement.events().stream().anyMatch(e -> e instanceof EngagementScopeChanged c && c.signatureVoided())) {
            mails.signatureVoided(engagement);
        }
        engagement.events().forEach(events::publishEvent);
    }

    private Engagement forAdmin(EngagementId id, CurrentUser user) {
        EngagementAccess.Loaded loaded = access.load(id, user);
        if (!loaded.access().organisationAdmin()) {
            throw new AccessDeniedException("not an admin of the engagement's organisation");
        }
        return loaded.engagement();
    }
}
