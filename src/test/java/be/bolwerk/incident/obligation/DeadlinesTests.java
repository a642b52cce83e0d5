package be.bolwerk.incident.obligation;

import static org.assertj.core.api.Assertions.assertThat;

import be.bolwerk.incident.Answer;
import be.bolwerk.incident.obligation.Deadlines.Due;
import be.bolwerk.organisation.Nis2Scope;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every route of the rules, the NIS2 chain and the daylight-saving changes, with fixed instants (ADR 0039). */
class DeadlinesTests {

    private static Instant at(String offsetDateTime) {
        return OffsetDateTime.parse(offsetDateTime).toInstant();
    }

    private static IncidentFacts.Values facts(
            Instant aware, Instant known, Instant resolved, Answer breach, Answer significant) {
        return new IncidentFacts.Values(aware, aware, known, null, resolved, breach, significant, null);
    }

    private static List<Due> dues(IncidentFacts.Values facts, Nis2Scope scope, Map<ObligationKind, Instant> sent) {
        return Deadlines.of(new Deadlines.Situation(facts, scope, Recipient.VTC, sent));
    }

    private static Due one(List<Due> dues, ObligationKind kind) {
        return dues.stream().filter(d -> d.kind() == kind).findFirst().orElseThrow();
    }

    private static Map<ObligationKind, Instant> sent(ObligationKind kind, Instant at) {
        Map<ObligationKind, Instant> map = new EnumMap<>(ObligationKind.class);
        map.put(kind, at);
        return map;
    }

    @Test
    void aBreachIsNotifiedToTheAuthorityWithin72HoursOfBeingKnownAndThePeopleWithoutFixedHours() {
        Instant known = at("2026-05-04T10:15:00+02:00");
        List<Due> dues = dues(facts(null, known, null, Answer.YES, Answer.UNKNOWN), Nis2Scope.NOT_IN_SCOPE, Map.of());

        assertThat(dues)
                .extracting(Due::kind)
                .containsExactly(ObligationKind.GDPR_NOTIFICATION, ObligationKind.GDPR_DATA_SUBJECTS);
        Due notification = one(dues, ObligationKind.GDPR_NOTIFICATION);
        assertThat(notification.recipient()).isEqualTo(Recipient.VTC);
        assertThat(notification.windowStart()).isEqualTo(known);
        assertThat(notification.dueAt()).isEqualTo(at("2026-05-07T10:15:00+02:00"));
        Due people = one(dues, ObligationKind.GDPR_DATA_SUBJECTS);
        assertThat(people.recipient()).isEqualTo(Recipient.PEOPLE);
        assertThat(people.dueAt()).isNull();
    }

    @Test
    void theBreachAuthorityIsTheOneGivenForTheOrganisationType() {
        Instant known = at("2026-05-04T10:15:00+02:00");
        List<Due> dues = Deadlines.of(new Deadlines.Situation(
                facts(null, known, null, Answer.YES, Answer.NO), Nis2Scope.NOT_IN_SCOPE, Recipient.COC, Map.of()));

        assertThat(one(dues, ObligationKind.GDPR_NOTIFICATION).recipient()).isEqualTo(Recipient.COC);
    }

    @Test
    void noBreachOrABreachStillToBeDeterminedHasNoObligation() {
        Instant known = at("2026-05-04T10:15:00+02:00");
        assertThat(dues(facts(null, known, null, Answer.NO, Answer.NO), Nis2Scope.ESSENTIAL, Map.of()))
                .isEmpty();
        assertThat(dues(facts(null, known, null, Answer.UNKNOWN, Answer.UNKNOWN), Nis2Scope.ESSENTIAL, Map.of()))
                .isEmpty();
    }

    @Test
    void aSignificantIncidentInNis2ScopeHasAnEarlyWarningIn24HoursANotificationIn72AndAFinalReportWaiting() {
        Instant aware = at("2026-06-10T08:00:00+02:00");
        List<Due> dues = dues(facts(aware, null, null, Answer.NO, Answer.YES), Nis2Scope.IMPORTANT, Map.of());

        assertThat(dues)
                .extracting(Due::kind)
                .containsExactly(
                        ObligationKind.NIS2_EARLY_WARNING,
                        ObligationKind.NIS2_NOTIFICATION,
                        ObligationKind.NIS2_FINAL_REPORT);
        assertThat(dues).allSatisfy(d -> assertThat(d.recipient()).isEqualTo(Recipient.CCB));
        assertThat(one(dues, ObligationKind.NIS2_EARLY_WARNING).dueAt()).isEqualTo(at("2026-06-11T08:00:00+02:00"));
        assertThat(one(dues, ObligationKind.NIS2_NOTIFICATION).dueAt()).isEqualTo(at("2026-06-13T08:00:00+02:00"));
        Due finalReport = one(dues, ObligationKind.NIS2_FINAL_REPORT);
        assertThat(finalReport.windowStart()).isNull();
        assertThat(finalReport.dueAt()).isNull();
    }

    @Test
    void outOfNis2ScopeOrNotSignificantHasNoNis2Obligation() {
        Instant aware = at("2026-06-10T08:00:00+02:00");
        assertThat(dues(facts(aware, null, null, Answer.NO, Answer.YES), Nis2Scope.NOT_IN_SCOPE, Map.of()))
                .isEmpty();
        assertThat(dues(facts(aware, null, null, Answer.NO, Answer.NO), Nis2Scope.ESSENTIAL, Map.of()))
                .isEmpty();
        assertThat(dues(facts(aware, null, null, Answer.NO, Answer.UNKNOWN), Nis2Scope.ESSENTIAL, Map.of()))
                .isEmpty();
    }

    @Test
    void aBreachThatIsAlsoASignificantNis2IncidentHasBothSetsOfObligations() {
        Instant aware = at("2026-06-10T08:00:00+02:00");
        List<Due> dues = dues(facts(aware, aware, null, Answer.YES, Answer.YES), Nis2Scope.ESSENTIAL, Map.of());

        assertThat(dues).hasSize(5);
    }

    @Test
    void theFinalReportIsDueOneMonthAfterTheNotificationWasSubmittedNotAfterItsDueMoment() {
        Instant aware = at("2026-06-10T08:00:00+02:00");
        Instant notified = at("2026-06-11T16:30:00+02:00");
        Instant resolved = at("2026-06-20T12:00:00+02:00");
        List<Due> dues = dues(
                facts(aware, null, resolved, Answer.NO, Answer.YES),
                Nis2Scope.ESSENTIAL,
                sent(ObligationKind.NIS2_NOTIFICATION, notified));

        Due finalReport = one(dues, ObligationKind.NIS2_FINAL_REPORT);
        assertThat(finalReport.windowStart()).isEqualTo(notified);
        assertThat(finalReport.dueAt()).isEqualTo(at("2026-07-11T16:30:00+02:00"));
        assertThat(dues).extracting(Due::kind).doesNotContain(ObligationKind.NIS2_PROGRESS_REPORT);
    }

    @Test
    void stillGoingOnAMonthAfterTheNotificationAsksAProgressReportThenAndTheFinalReportAMonthAfterResolution() {
        Instant aware = at("2026-06-10T08:00:00+02:00");
        Instant notified = at("2026-06-11T16:30:00+02:00");
        List<Due> ongoing = dues(
                facts(aware, null, null, Answer.NO, Answer.YES),
                Nis2Scope.ESSENTIAL,
                sent(ObligationKind.NIS2_NOTIFICATION, notified));

        assertThat(one(ongoing, ObligationKind.NIS2_PROGRESS_REPORT).dueAt())
                .isEqualTo(at("2026-07-11T16:30:00+02:00"));
        assertThat(one(ongoing, ObligationKind.NIS2_FINAL_REPORT).dueAt()).isNull();

        Instant resolved = at("2026-08-03T09:00:00+02:00");
        List<Due> later = dues(
                facts(aware, null, resolved, Answer.NO, Answer.YES),
                Nis2Scope.ESSENTIAL,
                sent(ObligationKind.NIS2_NOTIFICATION, notified));

        assertThat(one(later, ObligationKind.NIS2_PROGRESS_REPORT).dueAt()).isEqualTo(at("2026-07-11T16:30:00+02:00"));
        Due finalReport = one(later, ObligationKind.NIS2_FINAL_REPORT);
        assertThat(finalReport.windowStart()).isEqualTo(resolved);
        assertThat(finalReport.dueAt()).isEqualTo(at("2026-09-03T09:00:00+02:00"));
    }

    @Test
    void resolvedExactlyAMonthAfterTheNotificationNeedsNoProgressReport() {
        Instant aware = at("2026-06-10T08:00:00+02:00");
        Instant notified = at("2026-06-11T16:30:00+02:00");
        List<Due> dues = dues(
                facts(aware, null, at("2026-07-11T16:30:00+02:00"), Answer.NO, Answer.YES),
                Nis2Scope.ESSENTIAL,
                sent(ObligationKind.NIS2_NOTIFICATION, notified));

        assertThat(dues).extracting(Due::kind).doesNotContain(ObligationKind.NIS2_PROGRESS_REPORT);
    }

    @Test
    void hoursAreRealHoursAcrossTheSpringDaylightSavingChange() {
        // Sunday 29 March 2026 the clocks go from 02:00 to 03:00: 72 real hours end at 11:00 summer time.
        Instant known = at("2026-03-27T10:00:00+01:00");
        Due due = one(
                dues(facts(null, known, null, Answer.YES, Answer.NO), Nis2Scope.NOT_IN_SCOPE, Map.of()),
                ObligationKind.GDPR_NOTIFICATION);

        assertThat(due.dueAt()).isEqualTo(at("2026-03-30T11:00:00+02:00"));
    }

    @Test
    void hoursAreRealHoursAcrossTheAutumnDaylightSavingChange() {
        // Sunday 25 October 2026 the clocks go from 03:00 back to 02:00: 24 real hours end at 09:00 winter time.
        Instant aware = at("2026-10-24T10:00:00+02:00");
        Due due = one(
                dues(facts(aware, null, null, Answer.NO, Answer.YES), Nis2Scope.ESSENTIAL, Map.of()),
                ObligationKind.NIS2_EARLY_WARNING);

        assertThat(due.dueAt()).isEqualTo(at("2026-10-25T09:00:00+01:00"));
    }

    @Test
    void aMonthIsACalendarMonthOnTheBrusselsClockAcrossTheDaylightSavingChange() {
        // Notified in winter time, due a month later at the same wall time in summer time (one real hour less).
        assertThat(Deadlines.oneMonthAfter(at("2026-03-10T14:00:00+01:00"))).isEqualTo(at("2026-04-10T14:00:00+02:00"));
        assertThat(Deadlines.oneMonthAfter(at("2026-10-10T14:00:00+02:00"))).isEqualTo(at("2026-11-10T14:00:00+01:00"));
    }

    @Test
    void theLastDayOfAShorterMonthEndsAMonthFromThe31st() {
        assertThat(Deadlines.oneMonthAfter(at("2027-01-31T15:00:00+01:00"))).isEqualTo(at("2027-02-28T15:00:00+01:00"));
        assertThat(Deadlines.oneMonthAfter(at("2028-01-31T15:00:00+01:00"))).isEqualTo(at("2028-02-29T15:00:00+01:00"));
    }

    @Test
    void aWallTimeInTheMissingHourOfMarchMovesForwardByTheGap() {
        // 28 February 2027 02:30 plus a month is 28 March 2027 02:30, which does not exist: 03:30 summer time.
        assertThat(Deadlines.oneMonthAfter(at("2027-02-28T02:30:00+01:00"))).isEqualTo(at("2027-03-28T03:30:00+02:00"));
    }

    @Test
    void aWallTimeInTheRepeatedHourOfOctoberIsItsFirstOccurrenceFromSummerTime() {
        // 25 September 2026 02:30 summer time plus a month is 25 October 02:30, which happens twice: the first.
        assertThat(Deadlines.oneMonthAfter(at("2026-09-25T02:30:00+02:00"))).isEqualTo(at("2026-10-25T02:30:00+02:00"));
    }

    @Test
    void theChainOfANotificationSubmittedInTheRepeatedHourRunsFromThatMoment() {
        // Submitted at 02:30 in the second occurrence (winter time): a month later is 25 November 02:30 winter time.
        Instant aware = at("2026-10-23T12:00:00+02:00");
        Instant notified = at("2026-10-25T02:30:00+01:00");
        List<Due> dues = dues(
                facts(aware, null, at("2026-10-30T12:00:00+01:00"), Answer.NO, Answer.YES),
                Nis2Scope.IMPORTANT,
                sent(ObligationKind.NIS2_NOTIFICATION, notified));

        assertThat(one(dues, ObligationKind.NIS2_FINAL_REPORT).dueAt()).isEqualTo(at("2026-11-25T02:30:00+01:00"));
    }
}
