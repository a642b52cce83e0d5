package be.bolwerk.incident.handling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.bolwerk.incident.IncidentCategory;
import be.bolwerk.incident.IncidentFixtures;
import be.bolwerk.incident.IncidentSeverity;
import be.bolwerk.incident.IncidentStatus;
import be.bolwerk.incident.ReportChannel;
import be.bolwerk.incident.Tlp;
import be.bolwerk.incident.event.IncidentClosed;
import be.bolwerk.incident.event.IncidentContained;
import be.bolwerk.incident.event.IncidentDismissed;
import be.bolwerk.incident.event.IncidentEradicated;
import be.bolwerk.incident.event.IncidentEvent;
import be.bolwerk.incident.event.IncidentMerged;
import be.bolwerk.incident.event.IncidentPutOnHold;
import be.bolwerk.incident.event.IncidentReclassified;
import be.bolwerk.incident.event.IncidentRecovered;
import be.bolwerk.incident.event.IncidentReopened;
import be.bolwerk.incident.event.IncidentResumed;
import be.bolwerk.incident.event.IncidentTriaged;
import be.bolwerk.shared.Refusal;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class IncidentTransitionsTests {

    private static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");
    private static final UUID ORG = UUID.randomUUID();
    private static final Actor ANALYST = new Actor(UUID.randomUUID(), "Charlotte Respons");
    private static final Actor LEAD = new Actor(UUID.randomUUID(), "Lode Leider");

    /** A freshly reported incident, as the store would load it (its report event already published). */
    private static Incident reported() {
        Incident fresh = Incident.report(
                ORG,
                IncidentFixtures.ransomware("Bestanden versleuteld", NOW),
                ReportChannel.FORM,
                new Actor(UUID.randomUUID(), "Ilse"),
                UUID.randomUUID(),
                NOW);
        return new Incident(fresh.reported(), fresh.handling(), 0);
    }

    private static Incident at(IncidentStatus status) {
        Incident incident = reported();
        Incident.Handling h = incident.handling();
        return new Incident(
                incident.reported(),
                new Incident.Handling(
                        IncidentSeverity.HIGH,
                        IncidentCategory.RANSOMWARE,
                        LEAD,
                        Tlp.AMBER,
                        status,
                        status == IncidentStatus.ON_HOLD ? IncidentStatus.CONTAINED : null,
                        null,
                        null,
                        null,
                        null,
                        NOW,
                        NOW,
                        null,
                        status == IncidentStatus.CLOSED ? NOW : null),
                3);
    }

    private static IncidentEvent only(Incident incident) {
        assertThat(incident.events()).hasSize(1);
        return incident.events().get(0);
    }

    private static void refusedAs(Runnable step, String key, Refusal.Kind kind) {
        assertThatThrownBy(step::run).isInstanceOfSatisfying(Refusal.class, r -> {
            assertThat(r.messageKey()).isEqualTo(key);
            assertThat(r.kind()).isEqualTo(kind);
        });
    }

    @Test
    void triageClassifiesTheIncidentAndStartsTheResponse() {
        Incident incident = reported();
        Instant later = NOW.plus(Duration.ofMinutes(20));
        incident.triage(IncidentSeverity.CRITICAL, IncidentCategory.RANSOMWARE, LEAD, Tlp.RED, ANALYST, later);

        assertThat(incident.status()).isEqualTo(IncidentStatus.TRIAGED);
        assertThat(incident.severity()).isEqualTo(IncidentSeverity.CRITICAL);
        assertThat(incident.leadAnalyst()).isEqualTo(LEAD);
        assertThat(incident.tlp()).isEqualTo(Tlp.RED);
        assertThat(incident.triagedAt()).isEqualTo(later);
        assertThat(incident.firstResponseAt()).isEqualTo(later);
        IncidentTriaged e = (IncidentTriaged) only(incident);
        assertThat(e.category()).isEqualTo(IncidentCategory.RANSOMWARE);
        assertThat(e.leadAnalystId()).isEqualTo(LEAD.id());
        assertThat(e.actorName()).isEqualTo("Charlotte Respons");
        assertThat(incident.newSteps()).singleElement().satisfies(s -> {
            assertThat(s.from()).isEqualTo(IncidentStatus.REPORTED);
            assertThat(s.to()).isEqualTo(IncidentStatus.TRIAGED);
        });
    }

    @Test
    void triageRefusesMissingInputAndWrongStatus() {
        refusedAs(
                () -> reported().triage(null, IncidentCategory.MALWARE, LEAD, Tlp.AMBER, ANALYST, NOW),
                Incident.SEVERITY_REQUIRED,
                Refusal.Kind.INVALID);
        refusedAs(
                () -> reported().triage(IncidentSeverity.LOW, null, LEAD, Tlp.AMBER, ANALYST, NOW),
                Incident.CATEGORY_REQUIRED,
                Refusal.Kind.INVALID);
        refusedAs(
                () -> reported().triage(IncidentSeverity.LOW, IncidentCategory.MALWARE, null, Tlp.AMBER, ANALYST, NOW),
                Incident.LEAD_REQUIRED,
                Refusal.Kind.INVALID);
        refusedAs(
                () -> reported().triage(IncidentSeverity.LOW, IncidentCategory.MALWARE, LEAD, null, ANALYST, NOW),
                Incident.TLP_REQUIRED,
                Refusal.Kind.INVALID);
        refusedAs(
                () -> at(IncidentStatus.TRIAGED)
                        .triage(IncidentSeverity.LOW, IncidentCategory.MALWARE, LEAD, Tlp.AMBER, ANALYST, NOW),
                Incident.STATE,
                Refusal.Kind.CONFLICT);
    }

    @Test
    void triageKeepsAnEarlierFirstResponse() {
        Incident incident = reported();
        Incident.Handling h = incident.handling();
        Instant earlier = NOW.minus(Duration.ofMinutes(5));
        Incident called = new Incident(
                incident.reported(),
                new Incident.Handling(
                        null,
                        null,
                        null,
                        Tlp.AMBER,
                        IncidentStatus.REPORTED,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        earlier,
                        null,
                        null),
                1);
        called.triage(IncidentSeverity.LOW, IncidentCategory.OTHER, LEAD, Tlp.GREEN, ANALYST, NOW);
        assertThat(called.firstResponseAt()).isEqualTo(earlier);
        assertThat(h.firstResponseAt()).isNull();
    }

    @Test
    void reclassifyChangesTheClassificationButNotTheStatus() {
        Incident incident = at(IncidentStatus.CONTAINED);
        Actor other = new Actor(UUID.randomUUID(), "Ander");
        incident.reclassify(
                IncidentSeverity.MEDIUM, IncidentCategory.DATA_BREACH, other, Tlp.AMBER_STRICT, ANALYST, NOW);

        assertThat(incident.status()).isEqualTo(IncidentStatus.CONTAINED);
        assertThat(incident.category()).isEqualTo(IncidentCategory.DATA_BREACH);
        IncidentReclassified e = (IncidentReclassified) only(incident);
        assertThat(e.previousCategory()).isEqualTo(IncidentCategory.RANSOMWARE);
        assertThat(e.previousLeadAnalystId()).isEqualTo(LEAD.id());
        refusedAs(
                () -> reported()
                        .reclassify(IncidentSeverity.LOW, IncidentCategory.OTHER, LEAD, Tlp.AMBER, ANALYST, NOW),
                Incident.STATE,
                Refusal.Kind.CONFLICT);
        refusedAs(
                () -> at(IncidentStatus.CLOSED)
                        .reclassify(IncidentSeverity.LOW, IncidentCategory.OTHER, LEAD, Tlp.AMBER, ANALYST, NOW),
                Incident.STATE,
                Refusal.Kind.CONFLICT);
    }

    @Test
    void theResponseRunsFromContainedToClosed() {
        Incident incident = at(IncidentStatus.TRIAGED);
        incident.contain(ANALYST, NOW);
        assertThat(incident.status()).isEqualTo(IncidentStatus.CONTAINED);
        assertThat(incident.containedAt()).isEqualTo(NOW);
        Instant later = NOW.plus(Duration.ofDays(1));
        incident.eradicate(ANALYST, later);
        incident.recover(ANALYST, later);
        incident.close("Teruggezet uit back-up", "Twee dagen geen loketten", ANALYST, later);

        assertThat(incident.status()).isEqualTo(IncidentStatus.CLOSED);
        assertThat(incident.closedAt()).isEqualTo(later);
        assertThat(incident.outcome()).isEqualTo("Teruggezet uit back-up");
        assertThat(incident.impact()).isEqualTo("Twee dagen geen loketten");
        assertThat(incident.events())
                .hasExactlyElementsOfTypes(
                        IncidentContained.class,
                        IncidentEradicated.class,
                        IncidentRecovered.class,
                        IncidentClosed.class);
        assertThat(((IncidentClosed) incident.events().get(3)).impact()).isEqualTo("Twee dagen geen loketten");
        assertThat(incident.newSteps())
                .extracting(IncidentStep::to)
                .containsExactly(
                        IncidentStatus.CONTAINED,
                        IncidentStatus.ERADICATED,
                        IncidentStatus.RECOVERED,
                        IncidentStatus.CLOSED);
    }

    @Test
    void containFromReopenedKeepsTheFirstContainment() {
        Incident incident = at(IncidentStatus.TRIAGED);
        incident.contain(ANALYST, NOW);
        Incident reopened = at(IncidentStatus.REOPENED);
        reopened.contain(ANALYST, NOW);
        assertThat(reopened.status()).isEqualTo(IncidentStatus.CONTAINED);
    }

    @Test
    void eachStatusStepIsRefusedOutsideItsStatus() {
        refusedAs(() -> reported().contain(ANALYST, NOW), Incident.STATE, Refusal.Kind.CONFLICT);
        refusedAs(() -> at(IncidentStatus.CONTAINED).contain(ANALYST, NOW), Incident.STATE, Refusal.Kind.CONFLICT);
        refusedAs(() -> at(IncidentStatus.TRIAGED).eradicate(ANALYST, NOW), Incident.STATE, Refusal.Kind.CONFLICT);
        refusedAs(() -> at(IncidentStatus.CONTAINED).recover(ANALYST, NOW), Incident.STATE, Refusal.Kind.CONFLICT);
        refusedAs(
                () -> at(IncidentStatus.ERADICATED).close("o", "i", ANALYST, NOW),
                Incident.STATE,
                Refusal.Kind.CONFLICT);
        refusedAs(
                () -> at(IncidentStatus.CONTAINED).dismiss("test", ANALYST, NOW),
                Incident.STATE,
                Refusal.Kind.CONFLICT);
        refusedAs(() -> at(IncidentStatus.TRIAGED).resume(ANALYST, NOW), Incident.STATE, Refusal.Kind.CONFLICT);
        refusedAs(
                () -> at(IncidentStatus.ON_HOLD).putOnHold("nog eens", ANALYST, NOW),
                Incident.STATE,
                Refusal.Kind.CONFLICT);
        refusedAs(
                () -> at(IncidentStatus.CLOSED).putOnHold("te laat", ANALYST, NOW),
                Incident.STATE,
                Refusal.Kind.CONFLICT);
        refusedAs(
                () -> at(IncidentStatus.RECOVERED).reopen("te vroeg", ANALYST, NOW),
                Incident.STATE,
                Refusal.Kind.CONFLICT);
        refusedAs(
                () -> at(IncidentStatus.CLOSED).mergeInto(at(IncidentStatus.TRIAGED), "zelfde", ANALYST, NOW),
                Incident.STATE,
                Refusal.Kind.CONFLICT);
    }

    @Test
    void closingNeedsOutcomeAndImpact() {
        refusedAs(
                () -> at(IncidentStatus.RECOVERED).close(" ", "impact", ANALYST, NOW),
                Incident.OUTCOME_REQUIRED,
                Refusal.Kind.INVALID);
        refusedAs(
                () -> at(IncidentStatus.RECOVERED).close("uitkomst", null, ANALYST, NOW),
                Incident.IMPACT_REQUIRED,
                Refusal.Kind.INVALID);
    }

    @Test
    void dismissingNeedsAReasonAndEndsTheIncident() {
        refusedAs(() -> reported().dismiss("", ANALYST, NOW), Incident.REASON_REQUIRED, Refusal.Kind.INVALID);
        Incident incident = at(IncidentStatus.TRIAGED);
        incident.dismiss("Geplande phishingtest", ANALYST, NOW);
        assertThat(incident.status()).isEqualTo(IncidentStatus.NOT_AN_INCIDENT);
        assertThat(incident.statusReason()).isEqualTo("Geplande phishingtest");
        IncidentDismissed e = (IncidentDismissed) only(incident);
        assertThat(e.from()).isEqualTo(IncidentStatus.TRIAGED);
    }

    @Test
    void mergingNeedsAnotherOpenIncidentOfTheSameOrganisation() {
        Incident incident = at(IncidentStatus.TRIAGED);
        refusedAs(
                () -> incident.mergeInto(incident, "zelfde", ANALYST, NOW), Incident.MERGE_SELF, Refusal.Kind.INVALID);
        Incident elsewhere = new Incident(
                new Incident.Reported(
                        new be.bolwerk.incident.IncidentId(UUID.randomUUID()),
                        UUID.randomUUID(),
                        "INC-0THER000",
                        UUID.randomUUID(),
                        ReportChannel.FORM,
                        ANALYST,
                        NOW,
                        incident.report()),
                Incident.Handling.fresh(),
                0);
        refusedAs(
                () -> incident.mergeInto(elsewhere, "zelfde", ANALYST, NOW),
                Incident.MERGE_OTHER_ORGANISATION,
                Refusal.Kind.INVALID);
        refusedAs(
                () -> incident.mergeInto(at(IncidentStatus.CLOSED), "zelfde", ANALYST, NOW),
                Incident.MERGE_TARGET_CLOSED,
                Refusal.Kind.INVALID);
        Incident target = at(IncidentStatus.CONTAINED);
        refusedAs(() -> incident.mergeInto(target, " ", ANALYST, NOW), Incident.REASON_REQUIRED, Refusal.Kind.INVALID);

        incident.mergeInto(target, "Zelfde aanval, tweemaal gemeld", ANALYST, NOW);
        assertThat(incident.status()).isEqualTo(IncidentStatus.MERGED);
        assertThat(incident.mergedInto()).isEqualTo(target.id());
        IncidentMerged e = (IncidentMerged) only(incident);
        assertThat(e.mergedIntoReference()).isEqualTo(target.reference());
    }

    @Test
    void holdRemembersWhereItStoodAndResumeGoesBack() {
        Incident incident = at(IncidentStatus.ERADICATED);
        refusedAs(() -> incident.putOnHold(null, ANALYST, NOW), Incident.REASON_REQUIRED, Refusal.Kind.INVALID);
        incident.putOnHold("Wacht op de leverancier", ANALYST, NOW);
        assertThat(incident.status()).isEqualTo(IncidentStatus.ON_HOLD);
        assertThat(incident.statusBeforeHold()).isEqualTo(IncidentStatus.ERADICATED);
        incident.resume(ANALYST, NOW);
        assertThat(incident.status()).isEqualTo(IncidentStatus.ERADICATED);
        assertThat(incident.statusBeforeHold()).isNull();
        assertThat(incident.events()).hasExactlyElementsOfTypes(IncidentPutOnHold.class, IncidentResumed.class);
        assertThat(((IncidentResumed) incident.events().get(1)).to()).isEqualTo(IncidentStatus.ERADICATED);
    }

    @Test
    void reopeningAClosedIncidentClearsClosedAt() {
        Incident incident = at(IncidentStatus.CLOSED);
        refusedAs(() -> incident.reopen("", ANALYST, NOW), Incident.REASON_REQUIRED, Refusal.Kind.INVALID);
        incident.reopen("Aanvaller opnieuw actief", ANALYST, NOW);
        assertThat(incident.status()).isEqualTo(IncidentStatus.REOPENED);
        assertThat(incident.closedAt()).isNull();
        assertThat(((IncidentReopened) only(incident)).from()).isEqualTo(IncidentStatus.CLOSED);

        Incident dismissed = at(IncidentStatus.TRIAGED);
        dismissed.dismiss("Vals alarm", ANALYST, NOW);
        dismissed.reopen("Toch een incident", ANALYST, NOW);
        assertThat(dismissed.status()).isEqualTo(IncidentStatus.REOPENED);
    }

    @Test
    void allowedStepsFollowTheStatus() {
        assertThat(reported().allowedSteps())
                .containsExactlyInAnyOrder(
                        IncidentStep.Kind.TRIAGED,
                        IncidentStep.Kind.DISMISSED,
                        IncidentStep.Kind.MERGED,
                        IncidentStep.Kind.PUT_ON_HOLD);
        assertThat(at(IncidentStatus.RECOVERED).allowedSteps())
                .contains(IncidentStep.Kind.CLOSED, IncidentStep.Kind.RECLASSIFIED)
                .doesNotContain(IncidentStep.Kind.CONTAINED);
        assertThat(at(IncidentStatus.CLOSED).allowedSteps()).containsExactly(IncidentStep.Kind.REOPENED);
        assertThat(at(IncidentStatus.ON_HOLD).allowedSteps()).doesNotContain(IncidentStep.Kind.PUT_ON_HOLD);
    }
}
