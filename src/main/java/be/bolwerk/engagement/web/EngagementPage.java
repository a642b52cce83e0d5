package be.bolwerk.engagement.web;

import be.bolwerk.engagement.scope.Consent;
import be.bolwerk.engagement.scope.ScopeText;
import be.bolwerk.engagement.work.Access;
import be.bolwerk.engagement.work.Engagement;
import be.bolwerk.engagement.work.EngagementState;
import be.bolwerk.engagement.work.EngagementStore;
import be.bolwerk.engagement.work.Finding;
import be.bolwerk.engagement.work.FindingStore;
import be.bolwerk.engagement.work.Signature;
import be.bolwerk.engagement.work.Step;
import be.bolwerk.identity.ProgrammePeople;
import be.bolwerk.shared.BelgianTime;
import be.bolwerk.shared.web.HistoryRow;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Everything the engagement page shows, worked out in Java for the person looking (ADR 0016): which parts they
 * see, which buttons they get, and every date and label already formatted. Public records, read by the template.
 */
public record EngagementPage(
        String id,
        String title,
        String organisation,
        String college,
        String state,
        String requestedAt,
        boolean seesScope,
        boolean seesFindings,
        boolean admin,
        boolean supervisor,
        boolean student,
        String canonicalText,
        String currentHash,
        boolean signatureValid,
        SignatureLine signature,
        boolean mayEditScope,
        boolean maySign,
        boolean mayAssign,
        boolean mayStart,
        boolean mayRecord,
        boolean mayReport,
        boolean mayClose,
        boolean mayStop,
        boolean maySetDeletion,
        List<ConsentLine> consents,
        List<String> students,
        List<Candidate> candidates,
        List<FindingLine> findings,
        long acceptedFindings,
        long awaitingReview,
        String evidenceDeleteOn,
        String evidenceDeleteOnValue,
        String evidenceDeletedAt,
        List<HistoryRow> history) {

    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm:ss");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd-MM-yyyy");

    public record SignatureLine(String signer, String at, String address, String hash, String text) {}

    public record ConsentLine(String id, String party, String kind, String name, String sha256) {}

    public record Candidate(String id, String name, boolean assigned) {}

    public record EvidenceLine(String id, String name, String size) {}

    public record FindingLine(
            String id,
            String title,
            String severity,
            String description,
            String state,
            String stateName,
            String remark,
            String reportedBy,
            String reportedAt,
            List<EvidenceLine> evidence,
            boolean mayReview,
            boolean mayResubmit) {}

    static EngagementPage of(
            Engagement e,
            Access access,
            List<EngagementStore.Student> students,
            List<ProgrammePeople.Holder> candidates,
            List<Finding> findings,
            List<FindingStore.EvidenceItem> evidence,
            List<Step> history) {
        EngagementState state = e.state();
        boolean valid = e.signatureValid();
        List<Finding> shown = access.seesAllFindings()
                ? findings
                : access.seesAcceptedFindings()
                        ? findings.stream()
                                .filter(f -> f.state() == Finding.State.ACCEPTED)
                                .toList()
                        : List.of();
        Set<UUID> assigned =
                students.stream().map(EngagementStore.Student::accountId).collect(Collectors.toSet());
        boolean working = state == EngagementState.UNDER_WAY && valid;
        boolean reviewing = state == EngagementState.UNDER_WAY || state == EngagementState.REPORTED;
        Signature s = e.signature();
        return new EngagementPage(
                e.id().toString(),
                e.title(),
                e.organisationName(),
                e.college(),
                state.name(),
                moment(e.requestedAt()),
                access.seesScope(),
                access.seesAcceptedFindings(),
                access.organisationAdmin(),
                access.supervisor(),
                access.student(),
                access.seesScope() ? e.canonicalText() : null,
                access.seesScope() ? ScopeText.sha256(e.canonicalText()) : null,
                valid,
                s == null || !access.seesScope()
                        ? null
                        : new SignatureLine(s.signerName(), moment(s.at()), s.clientAddress(), s.sha256(), s.text()),
                access.organisationAdmin() && state.scopeEditable(),
                access.organisationAdmin() && state == EngagementState.REQUESTED,
                access.supervisor()
                        && valid
                        && (state == EngagementState.SIGNED
                                || state == EngagementState.ASSIGNED
                                || state == EngagementState.UNDER_WAY),
                access.supervisor() && valid && state == EngagementState.ASSIGNED && !students.isEmpty(),
                access.student() && working,
                access.supervisor() && working,
                access.organisationAdmin() && state == EngagementState.REPORTED,
                access.mayStop() && !state.ended(),
                access.maySetDeletionDate() && e.evidenceDeletedAt() == null,
                access.seesScope()
                        ? e.scope().consents().stream()
                                .map(EngagementPage::consent)
                                .toList()
                        : List.of(),
                students.stream().map(EngagementStore.Student::name).toList(),
                candidates.stream()
                        .map(h -> new Candidate(
                                h.accountId().toString(), h.displayName(), assigned.contains(h.accountId())))
                        .toList(),
                shown.stream()
                        .map(f -> finding(f, evidence, access, working, reviewing))
                        .toList(),
                findings.stream()
                        .filter(f -> f.state() == Finding.State.ACCEPTED)
                        .count(),
                findings.stream()
                        .filter(f -> f.state() == Finding.State.SUBMITTED)
                        .count(),
                day(e.evidenceDeleteOn()),
                e.evidenceDeleteOn() == null ? "" : e.evidenceDeleteOn().toString(),
                e.evidenceDeletedAt() == null ? null : moment(e.evidenceDeletedAt()),
                access.seesScope()
                        ? history.stream().map(EngagementPage::history).toList()
                        : List.of());
    }

    private static ConsentLine consent(Consent c) {
        return new ConsentLine(c.id().toString(), c.party(), c.kind().name(), c.fileName(), c.sha256());
    }

    private static FindingLine finding(
            Finding f, List<FindingStore.EvidenceItem> evidence, Access access, boolean working, boolean reviewing) {
        return new FindingLine(
                f.id().toString(),
                f.title(),
                f.severity().name(),
                f.description(),
                "engagement.finding.state." + f.state().name(),
                f.state().name(),
                access.seesAllFindings() ? f.remark() : null,
                f.reportedByName(),
                moment(f.reportedAt()),
                evidence.stream()
                        .filter(item -> item.findingId().equals(f.id()))
                        .map(item -> new EvidenceLine(item.id().toString(), item.name(), size(item.size())))
                        .toList(),
                access.supervisor() && reviewing && f.state() == Finding.State.SUBMITTED,
                access.student() && working && f.state() == Finding.State.SENT_BACK);
    }

    private static HistoryRow history(Step step) {
        return new HistoryRow(
                moment(step.at()), "engagement.step." + step.kind().name(), step.actorName(), step.note());
    }

    static String moment(Instant instant) {
        return instant == null ? "" : MOMENT.format(instant.atZone(BelgianTime.ZONE));
    }

    static String day(LocalDate date) {
        return date == null ? "" : DAY.format(date);
    }

    private static String size(long bytes) {
        return bytes < 1024 ? bytes + " B" : (bytes + 1023) / 1024 + " kB";
    }
}
