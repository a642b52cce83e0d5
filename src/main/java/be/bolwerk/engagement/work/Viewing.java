package be.bolwerk.engagement.work;

import be.bolwerk.engagement.EngagementId;
import be.bolwerk.identity.ProgrammePeople;
import be.bolwerk.shared.security.CurrentUser;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading one engagement as one person may: the parts of it they may see, and its files. A finding's evidence is
 * the college's until the finding is accepted; the organisation then sees it too.
 */
@Service
@Transactional(readOnly = true)
public class Viewing {

    /** One engagement with what belongs to it, filtered for the reader. */
    public record View(
            Engagement engagement,
            Access access,
            List<EngagementStore.Student> students,
            List<ProgrammePeople.Holder> candidates,
            List<Finding> findings,
            List<FindingStore.EvidenceItem> evidence,
            List<Step> history) {}

    private final EngagementAccess access;
    private final EngagementStore store;
    private final FindingStore findings;
    private final Testing testing;

    Viewing(EngagementAccess access, EngagementStore store, FindingStore findings, Testing testing) {
        this.access = access;
        this.store = store;
        this.findings = findings;
        this.testing = testing;
    }

    /**
     * What the person may do with the engagement; not found when it is not theirs. Pages call it before checking
     * their own input, so that someone else's id answers 404 whatever else was sent.
     */
    public Access access(EngagementId id, CurrentUser user) {
        return access.load(id, user).access();
    }

    public View view(EngagementId id, CurrentUser user) {
        EngagementAccess.Loaded loaded = access.load(id, user);
        Access a = loaded.access();
        List<Finding> all = findings.of(id);
        List<Finding> visible = a.seesAllFindings()
                ? all
                : a.seesAcceptedFindings()
                        ? all.stream()
                                .filter(f -> f.state() == Finding.State.ACCEPTED)
                                .toList()
                        : List.of();
        List<UUID> visibleIds = visible.stream().map(Finding::id).toList();
        return new View(
                loaded.engagement(),
                a,
                a.seesScope() ? store.students(id) : List.of(),
                a.supervisor() ? testing.studentsOf(loaded.engagement().college()) : List.of(),
                // Counts for the programme office come from the full list; it never gets the findings themselves.
                a.seesAcceptedFindings()
                        ? visible
                        : all.stream().map(Viewing::countOnly).toList(),
                findings.evidence(id).stream()
                        .filter(item -> visibleIds.contains(item.findingId()))
                        .toList(),
                a.seesScope() ? store.history(id) : List.of());
    }

    /** A finding reduced to its state, for counting: no title, no description, no names. */
    private static Finding countOnly(Finding f) {
        return new Finding(
                f.id(),
                f.engagementId(),
                f.organisationId(),
                "",
                f.severity(),
                "",
                f.state(),
                null,
                null,
                "",
                f.reportedAt(),
                null,
                null);
    }

    /** A consent document, for the parties to the engagement. */
    public FindingStore.Download consent(EngagementId id, UUID consentId, CurrentUser user) {
        EngagementAccess.Loaded loaded = access.load(id, user);
        if (!loaded.access().seesScope()) {
            throw new EngagementNotFound();
        }
        String name = loaded.engagement().scope().consents().stream()
                .filter(c -> c.id().equals(consentId))
                .map(c -> c.fileName())
                .findFirst()
                .orElseThrow(EngagementNotFound::new);
        byte[] content = store.consentContent(id, consentId).orElseThrow(EngagementNotFound::new);
        return new FindingStore.Download(name, "application/pdf", content);
    }

    /** An evidence file, for whoever sees its finding. */
    public FindingStore.Download evidence(EngagementId id, UUID evidenceId, CurrentUser user) {
        EngagementAccess.Loaded loaded = access.load(id, user);
        UUID findingId = findings.findingOfEvidence(id, evidenceId).orElseThrow(EngagementNotFound::new);
        Finding finding = findings.find(id, findingId).orElseThrow(EngagementNotFound::new);
        boolean sees = loaded.access().seesAllFindings()
                || (loaded.access().organisationMember() && finding.state() == Finding.State.ACCEPTED);
        if (!sees) {
            throw new EngagementNotFound();
        }
        return findings.download(id, evidenceId).orElseThrow(EngagementNotFound::new);
    }
}
