package be.bolwerk.incident.obligation.web;

import be.bolwerk.incident.obligation.Obligation;
import be.bolwerk.incident.obligation.ObligationKind;
import be.bolwerk.incident.obligation.ObligationState;
import be.bolwerk.incident.obligation.Recipient;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * One obligation as its page shows it, with the countdown the server renders (the script in
 * {@code js/countdown.js} keeps it live from {@code due} and the server's {@code now}). Public because templates
 * read it (ADR 0028 addendum).
 */
public record ObligationView(
        UUID id,
        ObligationKind kind,
        Recipient recipient,
        ObligationState state,
        Instant dueAt,
        boolean pending,
        boolean overdue,
        boolean waiting,
        String countdownKey,
        long first,
        long second,
        Obligation.Record record) {

    static ObligationView of(Obligation o, Instant now) {
        boolean pending = o.state() == ObligationState.PENDING;
        String key = null;
        long first = 0;
        long second = 0;
        if (pending && o.dueAt() != null) {
            Duration left = Duration.between(now, o.dueAt());
            boolean late = left.isNegative();
            long minutes = left.abs().toMinutes();
            long hours = minutes / 60;
            if (hours >= 48) {
                key = late ? "incident.obligation.countdown.lateDays" : "incident.obligation.countdown.leftDays";
                first = hours / 24;
                second = hours % 24;
            } else {
                key = late ? "incident.obligation.countdown.late" : "incident.obligation.countdown.left";
                first = hours;
                second = minutes % 60;
            }
        }
        return new ObligationView(
                o.id(),
                o.kind(),
                o.recipient(),
                o.state(),
                o.dueAt(),
                pending,
                o.overdue(now),
                pending && o.dueAt() == null && !o.kind().manual() && o.kind() != ObligationKind.GDPR_DATA_SUBJECTS,
                key,
                first,
                second,
                o.record());
    }

    /** Art. 34 and the obligations added by hand have no fixed hours: the page says so instead of a countdown. */
    public boolean withoutFixedHours() {
        return kind == ObligationKind.GDPR_DATA_SUBJECTS || kind.manual();
    }
}
