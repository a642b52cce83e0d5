package be.bolwerk.findings.register;

import be.bolwerk.findings.FindingId;
import be.bolwerk.findings.cvss.CvssVector;
import be.bolwerk.findings.sla.SlaProfile;
import be.bolwerk.findings.sla.SlaProfiles;
import be.bolwerk.identity.OrganisationMember;
import be.bolwerk.identity.OrganisationMembers;
import be.bolwerk.shared.BelgianTime;
import be.bolwerk.shared.Refusal;
import be.bolwerk.shared.security.CurrentUser;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How findings enter the register: written by a member of the organisation, or taken over from another module's
 * event. Either way the due date comes from the organisation's SLA profile, counted from the day the finding
 * reached the organisation. Taking over is idempotent: the same source record gives one finding, however often its
 * event arrives, and only the first arrival mails anyone.
 */
@Service
public class Raising {

    /** How the history names the register itself when a source module raised the finding. */
    public static final Actor SOURCE = new Actor(null, "Bolwerk");

    private final FindingStore store;
    private final SlaProfiles sla;
    private final FindingMails mails;
    private final OrganisationMembers members;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Raising(
            FindingStore store,
            SlaProfiles sla,
            FindingMails mails,
            OrganisationMembers members,
            ApplicationEventPublisher events,
            Clock clock) {
        this.store = store;
        this.sla = sla;
        this.mails = mails;
        this.members = members;
        this.events = events;
        this.clock = clock;
    }

    /** A finding written by hand by a member of the organisation (not a viewer); its SLA starts today. */
    @Transactional
    public FindingId raise(UUID organisationId, Finding.Details details, CurrentUser user) {
        Access access = new Access(user.roleIn(organisationId).orElse(null));
        if (!access.mayWork()) {
            throw new AccessDeniedException("only the organisation's members and admins write findings");
        }
        Instant now = clock.instant();
        Finding finding = Finding.raise(
                organisationId,
                Finding.Origin.manual(),
                details,
                sla.effective(organisationId),
                BelgianTime.today(clock),
                Actor.of(user),
                now);
        store.insert(finding);
        finding.events().forEach(events::publishEvent);
        return finding.id();
    }

    /**
     * A finding taken over from a source module's record, reaching the organisation on {@code start}, with the
     * owner the source named (when still an active member). Returns empty when this record delivered one before.
     */
    @Transactional
    public Optional<FindingId> takeOver(
            UUID organisationId,
            Finding.Origin origin,
            Finding.Details details,
            LocalDate start,
            UUID ownerId,
            boolean tellAdmins) {
        if (origin.sourceId() != null
                && store.fromSource(organisationId, origin.source(), origin.sourceId())
                        .isPresent()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Finding finding =
                Finding.raise(organisationId, origin, details, sla.effective(organisationId), start, SOURCE, now);
        Optional<OrganisationMember> owner =
                ownerId == null ? Optional.empty() : members.activeMember(organisationId, ownerId);
        if (!store.insert(finding)) {
            return Optional.empty();
        }
        if (owner.isPresent()) {
            Finding stored = store.find(finding.id()).orElseThrow();
            stored.assign(owner.get().accountId(), owner.get().displayName(), SOURCE, now);
            store.update(stored);
            finding.events().forEach(events::publishEvent);
            stored.events().forEach(events::publishEvent);
            mails.assigned(stored);
        } else {
            finding.events().forEach(events::publishEvent);
        }
        if (tellAdmins) {
            mails.arrived(finding, "finding.source." + origin.source());
        }
        return Optional.of(finding.id());
    }

    // Imports and CVSS in the forms (ADR 0029)

    /** A finding written by hand with a CVSS vector (checked and scored by {@code findings.cvss}); null: none. */
    @Transactional
    public FindingId raise(UUID organisationId, Finding.Details details, CvssVector cvss, CurrentUser user) {
        Access access = new Access(user.roleIn(organisationId).orElse(null));
        if (!access.mayWork()) {
            throw new AccessDeniedException("only the organisation's members and admins write findings");
        }
        Finding finding = Finding.raiseRated(
                organisationId,
                Finding.Origin.manual(),
                details,
                cvss == null ? null : cvss.text(),
                cvss == null ? null : cvss.score(),
                sla.effective(organisationId),
                BelgianTime.today(clock),
                Actor.of(user),
                clock.instant());
        store.insert(finding);
        finding.events().forEach(events::publishEvent);
        return finding.id();
    }

    /**
     * A finding of an imported file, its SLA counted from {@code start} under {@code profile}, given to
     * {@code owner} (an active member the importer checked; null: nobody), who is mailed once. Refused when the
     * same origin was inserted before (the caller's import runs once).
     */
    @Transactional
    public Finding raiseImported(
            UUID organisationId,
            Finding.Origin origin,
            Finding.Details details,
            CvssVector cvss,
            SlaProfile profile,
            LocalDate start,
            OrganisationMember owner,
            Actor by) {
        Instant now = clock.instant();
        Finding finding = Finding.raiseRated(
                organisationId,
                origin,
                details,
                cvss == null ? null : cvss.text(),
                cvss == null ? null : cvss.score(),
                profile,
                start,
                by,
                now);
        if (owner != null) {
            finding.assign(owner.accountId(), owner.displayName(), by, now);
        }
        if (!store.insert(finding)) {
            throw Refusal.conflict(IMPORTED_TWICE);
        }
        finding.events().forEach(events::publishEvent);
        if (owner != null) {
            mails.assigned(finding);
        }
        return finding;
    }

    /** The same row of the same import stored twice: only a second import running at once can get here. */
    public static final String IMPORTED_TWICE = "findings.import.concurrent";
}
