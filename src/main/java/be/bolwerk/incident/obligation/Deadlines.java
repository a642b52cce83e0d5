package be.bolwerk.incident.obligation;

import be.bolwerk.incident.Answer;
import be.bolwerk.organisation.Nis2Scope;
import be.bolwerk.shared.BelgianTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The rules that turn an incident's facts into the obligations the law sets, with their due moments; pure (no
 * clock, no database), so every route is tested with fixed instants (ADR 0039).
 *
 * <ul>
 *   <li>GDPR art. 33: a personal-data breach is notified to the authority for the organisation's type within 72
 *       hours of the personal data being known affected; art. 34, informing the people, has no fixed hours
 *       ("without undue delay"), so it has no due moment.
 *   <li>NIS2 art. 23, for an organisation in scope and a significant incident: early warning 24 hours and incident
 *       notification 72 hours after becoming aware; the final report one month after the notification was
 *       <em>submitted</em>. If the incident is still going on then, a progress report is due at that moment and the
 *       final report one month after it was resolved.
 * </ul>
 *
 * Hours are exact durations (72 real hours, also across a daylight-saving change); a month is a calendar month in
 * Europe/Brussels, as {@link java.time.ZonedDateTime#plusMonths} counts it.
 */
public final class Deadlines {

    static final Duration GDPR_NOTIFICATION = Duration.ofHours(72);
    static final Duration NIS2_EARLY_WARNING = Duration.ofHours(24);
    static final Duration NIS2_NOTIFICATION = Duration.ofHours(72);

    private Deadlines() {}

    /** What the rules need: the facts, the organisation's NIS2 scope and breach authority, the submissions. */
    public record Situation(
            IncidentFacts.Values facts,
            Nis2Scope nis2Scope,
            Recipient breachAuthority,
            Map<ObligationKind, Instant> submitted) {}

    /**
     * One obligation as the rules see it. {@code windowStart} is when its clock started; both are null when the
     * law sets no hours or the clock has not started yet (the final report before the notification was sent).
     */
    public record Due(ObligationKind kind, Recipient recipient, Instant windowStart, Instant dueAt) {}

    public static List<Due> of(Situation situation) {
        IncidentFacts.Values facts = situation.facts();
        List<Due> result = new ArrayList<>();
        if (facts.personalDataBreach() == Answer.YES && facts.personalDataKnownAt() != null) {
            Instant known = facts.personalDataKnownAt();
            result.add(new Due(
                    ObligationKind.GDPR_NOTIFICATION,
                    situation.breachAuthority(),
                    known,
                    known.plus(GDPR_NOTIFICATION)));
            result.add(new Due(ObligationKind.GDPR_DATA_SUBJECTS, Recipient.PEOPLE, null, null));
        }
        if (situation.nis2Scope() != null
                && situation.nis2Scope().inScope()
                && facts.significant() == Answer.YES
                && facts.becameAwareAt() != null) {
            nis2(facts, situation.submitted(), result);
        }
        return List.copyOf(result);
    }

    private static void nis2(IncidentFacts.Values facts, Map<ObligationKind, Instant> submitted, List<Due> result) {
        Instant aware = facts.becameAwareAt();
        result.add(new Due(ObligationKind.NIS2_EARLY_WARNING, Recipient.CCB, aware, aware.plus(NIS2_EARLY_WARNING)));
        result.add(new Due(ObligationKind.NIS2_NOTIFICATION, Recipient.CCB, aware, aware.plus(NIS2_NOTIFICATION)));
        Instant notified = submitted.get(ObligationKind.NIS2_NOTIFICATION);
        if (notified == null) {
            // The chain: the final report's clock starts only when the notification is actually sent.
            result.add(new Due(ObligationKind.NIS2_FINAL_REPORT, Recipient.CCB, null, null));
            return;
        }
        Instant monthLater = oneMonthAfter(notified);
        Instant resolved = facts.resolvedAt();
        if (resolved != null && !resolved.isAfter(monthLater)) {
            result.add(new Due(ObligationKind.NIS2_FINAL_REPORT, Recipient.CCB, notified, monthLater));
            return;
        }
        result.add(new Due(ObligationKind.NIS2_PROGRESS_REPORT, Recipient.CCB, notified, monthLater));
        result.add(new Due(
                ObligationKind.NIS2_FINAL_REPORT,
                Recipient.CCB,
                resolved,
                resolved == null ? null : oneMonthAfter(resolved)));
    }

    /**
     * One calendar month later on the Brussels wall clock. The 31st of January gives the last day of February;
     * a wall time that does not exist in March (02:00–03:00) moves forward by the gap's length; a repeated hour
     * in October keeps the offset of the moment it started from when that is one of the two.
     */
    static Instant oneMonthAfter(Instant moment) {
        return moment.atZone(BelgianTime.ZONE).plusMonths(1).toInstant();
    }
}
