package be.bolwerk.findings.acceptance;

import be.bolwerk.findings.FindingId;
import be.bolwerk.findings.RiskAcceptanceId;
import be.bolwerk.findings.RiskDecision;
import be.bolwerk.findings.Severity;
import be.bolwerk.findings.register.Access;
import be.bolwerk.findings.register.Actor;
import be.bolwerk.findings.register.Finding;
import be.bolwerk.findings.register.FindingNotFound;
import be.bolwerk.findings.register.FindingStore;
import be.bolwerk.findings.sla.SlaProfiles;
import be.bolwerk.identity.OrganisationMember;
import be.bolwerk.identity.OrganisationMembers;
import be.bolwerk.shared.BelgianTime;
import be.bolwerk.shared.PdfContent;
import be.bolwerk.shared.Refusal;
import be.bolwerk.shared.UploadRefused;
import be.bolwerk.shared.security.CurrentUser;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The use cases of a risk acceptance, each in one transaction: members and admins propose; an admin who did not
 * propose approves (its findings become risk accepted) or rejects; an admin revokes (its findings reopen with a new
 * SLA). An acceptance or finding outside the person's organisations is not found (404); a step their role may not
 * take is 403; a step the acceptance does not allow is a {@link Refusal}.
 */
@Service
public class Accepting {

    public static final String NOT_A_MEMBER = "findings.acceptance.rule.ownerNotMember";
    public static final String ALREADY_HELD = "findings.acceptance.rule.alreadyHeld";
    public static final String PROOF_NOT_PDF = "findings.acceptance.proof.notPdf";
    public static final String PROOF_TOO_LARGE = "findings.acceptance.proof.tooLarge";
    public static final long PROOF_MAX_BYTES = 10L * 1024 * 1024;

    /** What a person proposes: the terms, the findings, the owner, and the proof file (null: none). */
    public record Proposal(
            UUID organisationId,
            String title,
            RiskDecision decision,
            String measures,
            String reference,
            UUID ownerId,
            LocalDate expiresOn,
            List<FindingId> findings) {}

    /** An uploaded proof file as it arrived, with where it came from (for the record of a refused one). */
    public record Upload(String fileName, byte[] content, String path, String clientAddress) {}

    /** An acceptance as one person may use it. */
    public record Loaded(RiskAcceptance acceptance, Access access) {}

    private final RiskAcceptanceStore store;
    private final FindingStore findings;
    private final SlaProfiles sla;
    private final Maxima maxima;
    private final AcceptanceMails mails;
    private final OrganisationMembers members;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Accepting(
            RiskAcceptanceStore store,
            FindingStore findings,
            SlaProfiles sla,
            Maxima maxima,
            AcceptanceMails mails,
            OrganisationMembers members,
            ApplicationEventPublisher events,
            Clock clock) {
        this.store = store;
        this.findings = findings;
        this.sla = sla;
        this.maxima = maxima;
        this.mails = mails;
        this.members = members;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Loaded load(RiskAcceptanceId id, CurrentUser user) {
        RiskAcceptance acceptance = store.find(id).orElseThrow(RiskAcceptanceNotFound::new);
        return new Loaded(
                acceptance,
                new Access(user.roleIn(acceptance.organisationId()).orElseThrow(RiskAcceptanceNotFound::new)));
    }

    @Transactional
    public RiskAcceptanceId propose(Proposal proposal, Upload upload, CurrentUser user) {
        if (!new Access(user.roleIn(proposal.organisationId()).orElseThrow(RiskAcceptanceNotFound::new)).mayWork()) {
            throw new AccessDeniedException("viewers read the register");
        }
        OrganisationMember owner = members.activeMember(proposal.organisationId(), proposal.ownerId())
                .orElseThrow(() -> Refusal.invalid(NOT_A_MEMBER));
        List<RiskAcceptance.Covered> covered = new ArrayList<>();
        for (FindingId id : new LinkedHashSet<>(proposal.findings())) {
            Finding finding = findings.find(id)
                    .filter(f -> f.organisationId().equals(proposal.organisationId()))
                    .orElseThrow(FindingNotFound::new);
            if (store.holding(id).isPresent()) {
                throw Refusal.conflict(ALREADY_HELD, finding.title());
            }
            covered.add(covered(finding));
        }
        RiskAcceptance.ProofFile proof = upload == null ? null : checkProof(upload, proposal.organisationId());
        RiskAcceptance acceptance = RiskAcceptance.propose(
                proposal.organisationId(),
                new RiskAcceptance.Terms(
                        proposal.title(),
                        proposal.decision(),
                        proposal.measures(),
                        proposal.reference(),
                        owner.accountId(),
                        owner.displayName(),
                        proposal.expiresOn()),
                covered,
                proof,
                maxima.current(),
                BelgianTime.today(clock),
                Actor.of(user),
                clock.instant());
        store.insert(acceptance, proof == null ? null : upload.content());
        acceptance.events().forEach(events::publishEvent);
        mails.proposed(acceptance);
        return acceptance.id();
    }

    /** Approves and activates it (four eyes, checked by the acceptance); its findings become risk accepted. */
    @Transactional
    public void approve(RiskAcceptanceId id, CurrentUser user) {
        RiskAcceptance acceptance = decide(id, user);
        List<Finding> covered = acceptance.findings().stream()
                .map(f -> findings.find(f).orElseThrow(FindingNotFound::new))
                .toList();
        Actor by = Actor.of(user);
        Instant at = clock.instant();
        acceptance.approve(
                covered.stream().map(Accepting::covered).toList(), maxima.current(), BelgianTime.today(clock), by, at);
        save(acceptance);
        for (Finding finding : covered) {
            finding.acceptRisk(acceptance.id(), acceptance.title(), by, at);
            findings.update(finding);
            finding.events().forEach(events::publishEvent);
        }
        mails.decided(acceptance);
    }

    @Transactional
    public void reject(RiskAcceptanceId id, String reason, CurrentUser user) {
        RiskAcceptance acceptance = decide(id, user);
        acceptance.reject(reason, Actor.of(user), clock.instant());
        save(acceptance);
        mails.decided(acceptance);
    }

    /** Ends the active acceptance today: its findings reopen and their SLA restarts today. */
    @Transactional
    public void revoke(RiskAcceptanceId id, String reason, CurrentUser user) {
        RiskAcceptance acceptance = decide(id, user);
        Actor by = Actor.of(user);
        acceptance.revoke(reason, BelgianTime.today(clock), by, clock.instant());
        end(acceptance, by);
    }

    /** The expiry job's step for one acceptance: expired on its expiry date, findings reopened from that day. */
    @Transactional
    public boolean expire(RiskAcceptanceId id, Actor by) {
        RiskAcceptance acceptance = store.find(id).orElseThrow(RiskAcceptanceNotFound::new);
        LocalDate today = BelgianTime.today(clock);
        if (acceptance.status() != AcceptanceStatus.ACTIVE || today.isBefore(acceptance.expiresOn())) {
            return false;
        }
        acceptance.expire(today, by, clock.instant());
        end(acceptance, by);
        return true;
    }

    /** The expiry job's warning: the owner hears once, 30 days before the expiry. */
    @Transactional
    public void warn(RiskAcceptanceId id) {
        store.find(id).filter(a -> a.status() == AcceptanceStatus.ACTIVE).ifPresent(mails::expiring);
    }

    private void end(RiskAcceptance acceptance, Actor by) {
        save(acceptance);
        Instant at = clock.instant();
        for (FindingId id : acceptance.findings()) {
            Finding finding = findings.find(id).orElseThrow(FindingNotFound::new);
            if (!finding.isRiskAccepted()) {
                continue;
            }
            finding.endRiskAcceptance(
                    acceptance.title(), acceptance.endedOn(), sla.effective(finding.organisationId()), by, at);
            findings.update(finding);
            finding.events().forEach(events::publishEvent);
        }
    }

    private RiskAcceptance decide(RiskAcceptanceId id, CurrentUser user) {
        Loaded loaded = load(id, user);
        if (!loaded.access().mayDecide()) {
            throw new AccessDeniedException("only the organisation's admins decide on risk acceptances");
        }
        return loaded.acceptance();
    }

    private void save(RiskAcceptance acceptance) {
        store.update(acceptance);
        acceptance.events().forEach(events::publishEvent);
    }

    /** A PDF that opens, up to the size limit; a refused file is announced as {@link UploadRefused}. */
    private RiskAcceptance.ProofFile checkProof(Upload upload, UUID organisationId) {
        try {
            if (upload.content().length > PROOF_MAX_BYTES) {
                throw Refusal.invalid(PROOF_TOO_LARGE, PROOF_MAX_BYTES / (1024 * 1024));
            }
            if (!PdfContent.isPdf(upload.content())) {
                throw Refusal.invalid(PROOF_NOT_PDF);
            }
        } catch (Refusal refused) {
            events.publishEvent(UploadRefused.of(
                    upload.path(), refused, upload.fileName(), organisationId, upload.clientAddress()));
            throw refused;
        }
        return new RiskAcceptance.ProofFile(cleanName(upload.fileName()), upload.content().length);
    }

    static RiskAcceptance.Covered covered(Finding f) {
        return new RiskAcceptance.Covered(
                f.id(),
                f.organisationId(),
                f.title(),
                f.details().knownExploited() ? Severity.CRITICAL : f.severity(),
                f.status());
    }

    /** The name without folders or control characters, at most 200 characters, ending in .pdf. */
    static String cleanName(String fileName) {
        String name = fileName == null
                ? ""
                : fileName.replaceAll(".*[/\\\\]", "")
                        .replaceAll("\\p{Cntrl}", "")
                        .strip();
        if (name.isEmpty()) {
            name = "bewijs.pdf";
        }
        if (name.length() > 196) {
            name = name.substring(0, 196);
        }
        return name.toLowerCase(java.util.Locale.ROOT).endsWith(".pdf") ? name : name + ".pdf";
    }
}
