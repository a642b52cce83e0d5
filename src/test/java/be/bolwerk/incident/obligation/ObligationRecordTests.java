package be.bolwerk.incident.obligation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.bolwerk.incident.Answer;
import be.bolwerk.incident.IncidentId;
import be.bolwerk.incident.event.ObligationRecorded;
import be.bolwerk.incident.handling.Actor;
import be.bolwerk.shared.Refusal;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The obligation's and the facts' transitions and their rules, without Spring. */
class ObligationRecordTests {

    private static final Instant KNOWN = Instant.parse("2026-05-04T08:00:00Z");
    private static final Instant DUE = KNOWN.plus(Duration.ofHours(72));
    private final IncidentId incident = new IncidentId(UUID.randomUUID());
    private final UUID organisation = UUID.randomUUID();
    private final Actor analyst = new Actor(UUID.randomUUID(), "Anna Analist");

    private Obligation notification() {
        return Obligation.pending(
                incident, organisation, new Deadlines.Due(ObligationKind.GDPR_NOTIFICATION, Recipient.VTC, KNOWN, DUE));
    }

    private static String rule(Runnable step) {
        try {
            step.run();
        } catch (Refusal refused) {
            return refused.messageKey();
        }
        throw new AssertionError("no refusal");
    }

    @Test
    void aSubmissionInTimeIsSubmittedWithWhenHowAndTheRecipientsReference() {
        Obligation o = notification();

        o.submit(DUE.minusSeconds(60), " e-loket VTC ", "VTC-2026-12", true, null, analyst, DUE, "INC-1");

        assertThat(o.state()).isEqualTo(ObligationState.SUBMITTED);
        assertThat(o.record().channel()).isEqualTo("e-loket VTC");
        assertThat(o.record().externalReference()).isEqualTo("VTC-2026-12");
        assertThat(o.record().phased()).isTrue();
        assertThat(o.record().recordedBy()).isEqualTo(analyst);
        ObligationRecorded event = o.event().orElseThrow();
        assertThat(event.state()).isEqualTo("SUBMITTED");
        assertThat(event.kind()).isEqualTo("GDPR_NOTIFICATION");
        assertThat(event.recipient()).isEqualTo("VTC");
    }

    @Test
    void aSubmissionAfterTheDueMomentNeedsTheReasonForTheDelayAndIsLate() {
        Obligation o = notification();
        Instant late = DUE.plusSeconds(3600);

        assertThat(rule(() -> o.submit(late, "e-mail", null, false, "  ", analyst, late, "INC-1")))
                .isEqualTo(Obligation.DELAY_REASON_REQUIRED);
        assertThat(o.state()).isEqualTo(ObligationState.PENDING);

        o.submit(late, "e-mail", null, false, "Weekend, DPO onbereikbaar", analyst, late, "INC-1");

        assertThat(o.state()).isEqualTo(ObligationState.LATE);
        assertThat(o.record().delayReason()).isEqualTo("Weekend, DPO onbereikbaar");
        assertThat(o.event().orElseThrow().reason()).isEqualTo("Weekend, DPO onbereikbaar");
    }

    @Test
    void aSubmissionNeedsAMomentNotInTheFutureAndAChannel() {
        Obligation o = notification();

        assertThat(rule(() -> o.submit(null, "e-mail", null, false, null, analyst, KNOWN, "INC-1")))
                .isEqualTo(Obligation.SUBMITTED_REQUIRED);
        assertThat(rule(() -> o.submit(KNOWN.plusSeconds(60), "e-mail", null, false, null, analyst, KNOWN, "INC-1")))
                .isEqualTo(Obligation.SUBMITTED_FUTURE);
        assertThat(rule(() -> o.submit(KNOWN, " ", null, false, null, analyst, KNOWN, "INC-1")))
                .isEqualTo(Obligation.CHANNEL_REQUIRED);
    }

    @Test
    void notApplicableNeedsAReasonAndARecordedObligationCannotBeRecordedAgain() {
        Obligation o = notification();

        assertThat(rule(() -> o.declareNotApplicable("", analyst, KNOWN, "INC-1")))
                .isEqualTo(Obligation.REASON_REQUIRED);
        o.declareNotApplicable("Versleutelde back-up, geen risico voor betrokkenen", analyst, KNOWN, "INC-1");

        assertThat(o.state()).isEqualTo(ObligationState.NOT_APPLICABLE);
        assertThat(o.record().reason()).startsWith("Versleutelde");
        Refusal again = org.junit.jupiter.api.Assertions.assertThrows(
                Refusal.class, () -> o.submit(KNOWN, "e-mail", null, false, null, analyst, KNOWN, "INC-1"));
        assertThat(again.messageKey()).isEqualTo(Obligation.ALREADY_RECORDED);
        assertThat(again.kind()).isEqualTo(Refusal.Kind.CONFLICT);
    }

    @Test
    void onlyAPendingObligationMovesWithTheRules() {
        Obligation o = notification();
        Deadlines.Due later =
                new Deadlines.Due(ObligationKind.GDPR_NOTIFICATION, Recipient.VTC, KNOWN.plusSeconds(3600), DUE);

        assertThat(o.reschedule(later)).isTrue();
        assertThat(o.windowStart()).isEqualTo(KNOWN.plusSeconds(3600));
        assertThat(o.reschedule(later)).as("nothing to move").isFalse();

        o.submit(DUE, "e-mail", null, false, null, analyst, DUE, "INC-1");
        assertThat(o.reschedule(new Deadlines.Due(ObligationKind.GDPR_NOTIFICATION, Recipient.VTC, KNOWN, KNOWN)))
                .isFalse();
        assertThat(o.dueAt()).isEqualTo(DUE);
    }

    @Test
    void onlyAVoluntaryNotificationOrASupplementIsAddedByHand() {
        assertThatThrownBy(() -> Obligation.added(
                        incident, organisation, ObligationKind.NIS2_NOTIFICATION, Recipient.CCB, analyst, KNOWN, "I"))
                .isInstanceOf(Refusal.class);
        Obligation voluntary = Obligation.added(
                incident, organisation, ObligationKind.NIS2_VOLUNTARY, Recipient.CCB, analyst, KNOWN, "INC-1");
        assertThat(voluntary.dueAt()).isNull();
        assertThat(voluntary.state()).isEqualTo(ObligationState.PENDING);
        assertThat(voluntary.event()).isPresent();
    }

    @Test
    void factsStartAsTheReportSaidAndEachChangeIsKeptWithOldAndNew() {
        Instant started = KNOWN.minusSeconds(7200);
        IncidentFacts facts = IncidentFacts.fromReport(incident, organisation, started, KNOWN);
        assertThat(facts.values().detectedAt()).isEqualTo(KNOWN);
        assertThat(facts.values().startedAt()).isEqualTo(started);
        assertThat(facts.values().personalDataBreach()).isEqualTo(Answer.UNKNOWN);

        IncidentFacts.Values next = new IncidentFacts.Values(
                KNOWN, null, KNOWN, started, null, Answer.YES, Answer.UNKNOWN, "Rijksregisternummers gelekt");
        facts.change(next, analyst, KNOWN.plusSeconds(60), "INC-1");

        assertThat(facts.changes())
                .extracting(IncidentFacts.Change::fact)
                .containsExactly("personalDataKnownAt", "personalDataBreach", "breachReason");
        assertThat(facts.changes().get(1).oldValue()).isEqualTo("UNKNOWN");
        assertThat(facts.changes().get(1).newValue()).isEqualTo("YES");
        assertThat(facts.event().orElseThrow().personalDataBreach()).isTrue();
    }

    @Test
    void factsAreRefusedWhenTheyCannotStartAClockOrLieInTheFuture() {
        IncidentFacts facts = IncidentFacts.fromReport(incident, organisation, null, KNOWN);
        Instant now = KNOWN.plusSeconds(60);

        assertThat(rule(() -> facts.change(
                        new IncidentFacts.Values(KNOWN, null, null, null, null, Answer.YES, Answer.NO, null),
                        analyst,
                        now,
                        "I")))
                .isEqualTo(IncidentFacts.KNOWN_REQUIRED);
        assertThat(rule(() -> facts.change(
                        new IncidentFacts.Values(KNOWN, null, null, null, null, Answer.NO, Answer.YES, null),
                        analyst,
                        now,
                        "I")))
                .isEqualTo(IncidentFacts.AWARE_REQUIRED);
        assertThat(rule(() -> facts.change(
                        new IncidentFacts.Values(
                                KNOWN, now.plusSeconds(60), null, null, null, Answer.NO, Answer.NO, null),
                        analyst,
                        now,
                        "I")))
                .isEqualTo(IncidentFacts.FUTURE);
        assertThat(rule(() -> facts.change(facts.values(), analyst, now, "I"))).isEqualTo(IncidentFacts.UNCHANGED);
    }
}
