package be.bolwerk.findings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.bolwerk.findings.event.FindingDueDateMoved;
import be.bolwerk.findings.register.Actor;
import be.bolwerk.findings.register.Finding;
import be.bolwerk.findings.sla.SlaProfile;
import be.bolwerk.shared.Refusal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Moving a finding's due date by hand: with a reason, only while it is open, and to another date. */
class DueDateMoveTests {

    private static final SlaProfile SLA = new SlaProfile(7, 30, 90, 180, null);
    private static final LocalDate START = LocalDate.of(2026, 12, 2);
    private static final Instant AT = Instant.parse("2026-12-20T10:00:00Z");
    private final Actor iso = new Actor(UUID.randomUUID(), "Ilse Appelmans");

    private Finding raised() {
        return Finding.raise(
                UUID.randomUUID(),
                Finding.Origin.manual(),
                new Finding.Details("TLS 1.0 op het e-loket", "", Severity.HIGH, "", "", null, null, "", false, ""),
                SLA,
                START,
                iso,
                AT);
    }

    @Test
    void movesTheDueDateWithItsReasonAndKeepsTheSlaStart() {
        Finding finding = raised();
        LocalDate later = LocalDate.of(2027, 3, 1);
        finding.moveDueDate(later, "  Leverancier levert later ", iso, AT);
        assertThat(finding.dueDate()).isEqualTo(later);
        assertThat(finding.slaStart()).isEqualTo(START);
        assertThat(finding.events()).last().isInstanceOfSatisfying(FindingDueDateMoved.class, e -> {
            assertThat(e.from()).isEqualTo(START.plusDays(30));
            assertThat(e.to()).isEqualTo(later);
            assertThat(e.reason()).isEqualTo("Leverancier levert later");
        });
    }

    @Test
    void refusesWithoutAReasonToTheSameDateAndOnceClosed() {
        Finding finding = raised();
        assertThatThrownBy(() -> finding.moveDueDate(LocalDate.of(2027, 3, 1), " ", iso, AT))
                .isInstanceOfSatisfying(
                        Refusal.class, r -> assertThat(r.messageKey()).isEqualTo("finding.rule.reasonRequired"));
        assertThatThrownBy(() -> finding.moveDueDate(finding.dueDate(), "reden", iso, AT))
                .isInstanceOfSatisfying(
                        Refusal.class, r -> assertThat(r.messageKey()).isEqualTo("findings.bulk.rule.sameDue"));
        finding.markFalsePositive("Geen TLS 1.0 meer", iso, AT);
        assertThatThrownBy(() -> finding.moveDueDate(LocalDate.of(2027, 3, 1), "reden", iso, AT))
                .isInstanceOfSatisfying(
                        Refusal.class, r -> assertThat(r.messageKey()).isEqualTo("finding.rule.state"));
        assertThat(finding.events()).noneMatch(e -> e instanceof FindingDueDateMoved);
    }
}
