package be.bolwerk.incident.support.web;

import be.bolwerk.funding.BudgetLineSummary;
import be.bolwerk.funding.Money;
import be.bolwerk.incident.handling.Actor;
import be.bolwerk.incident.support.EmergencySupport;
import be.bolwerk.incident.support.SupportStatus;
import be.bolwerk.shared.BelgianTime;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

/**
 * Emergency-support requests as the pages show them: amounts in euros as a Belgian reads them, moments in
 * Brussels time, each step with who and when. Public records because templates read them (ADR 0028 addendum).
 */
public final class SupportViews {

    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm");

    /** One request with everything that happened to it; the text of a step not taken is null. */
    public record Row(
            UUID id,
            String reference,
            UUID incidentId,
            String incidentReference,
            String organisation,
            SupportStatus status,
            String purpose,
            String supplier,
            String amount,
            String motivation,
            String requested,
            String advice,
            String recommended,
            String advised,
            String decisionReason,
            String decided,
            String invoiceNumber,
            String programmePaid,
            String organisationPaid,
            String paid,
            String cancelReason,
            String cancelled) {

        public String statusKey() {
            return "incident.support.status." + status;
        }

        /** The programme's decision as taken: a paid or cancelled request was approved first. */
        public String decisionKey() {
            return status == SupportStatus.PAID || status == SupportStatus.CANCELLED
                    ? "incident.support.status." + SupportStatus.APPROVED
                    : statusKey();
        }

        public boolean awaitsAdvice() {
            return status == SupportStatus.REQUESTED;
        }

        public boolean awaitsDecision() {
            return status == SupportStatus.RECOMMENDED || status == SupportStatus.NOT_RECOMMENDED;
        }

        public boolean approvable() {
            return status == SupportStatus.RECOMMENDED;
        }

        public boolean payable() {
            return status == SupportStatus.APPROVED;
        }

        public boolean withdrawable() {
            return status == SupportStatus.REQUESTED
                    || status == SupportStatus.RECOMMENDED
                    || status == SupportStatus.NOT_RECOMMENDED;
        }
    }

    /** An emergency-fund line to approve from, with what it still has (in euros, as written). */
    public record Line(UUID id, String name, String available) {}

    private SupportViews() {}

    static Row row(EmergencySupport s, String organisation) {
        return new Row(
                s.id(),
                s.reference(),
                s.incidentId().value(),
                s.incidentReference(),
                organisation,
                s.status(),
                s.request().purpose(),
                s.request().supplier(),
                euro(s.request().amount()),
                s.request().motivation(),
                step(s.requester(), s.requestedAt()),
                s.advice(),
                euro(s.recommendedAmount()),
                step(s.adviser(), s.advisedAt()),
                s.decisionReason(),
                step(s.decider(), s.decidedAt()),
                s.invoiceNumber(),
                euro(s.programmePaid()),
                euro(s.organisationPaid()),
                s.paidAt() == null ? null : moment(s.paidAt()),
                s.cancelReason(),
                step(s.canceller(), s.cancelledAt()));
    }

    static List<Row> rows(List<EmergencySupport> supports, String organisation) {
        return supports.stream().map(s -> row(s, organisation)).toList();
    }

    static List<Line> lines(List<BudgetLineSummary> lines) {
        return lines.stream()
                .map(l -> new Line(l.id().value(), l.name(), Money.euro(l.available())))
                .toList();
    }

    private static String step(Actor actor, Instant at) {
        return actor == null || at == null ? null : actor.name() + ", " + moment(at);
    }

    private static String moment(Instant instant) {
        return MOMENT.format(instant.atZone(BelgianTime.ZONE));
    }

    private static String euro(BigDecimal amount) {
        return amount == null ? null : Money.euro(amount);
    }
}
