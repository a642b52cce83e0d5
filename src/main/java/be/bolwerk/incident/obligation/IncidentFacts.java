package be.bolwerk.incident.obligation;

import be.bolwerk.incident.Answer;
import be.bolwerk.incident.IncidentId;
import be.bolwerk.incident.event.IncidentFactsChanged;
import be.bolwerk.incident.handling.Actor;
import be.bolwerk.shared.Refusal;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The facts of one incident that start the legal clocks, kept apart from the report (which never changes). They
 * begin as the report said (started and noticed) and are changed by the CRT or the organisation's admins; each
 * change is kept (who, when, old and new) and raises {@link IncidentFactsChanged}.
 */
public final class IncidentFacts {

    static final String FUTURE = "incident.obligation.rule.future";
    static final String KNOWN_REQUIRED = "incident.obligation.rule.knownRequired";
    static final String AWARE_REQUIRED = "incident.obligation.rule.awareRequired";
    static final String RESOLVED_BEFORE_STARTED = "incident.obligation.rule.resolvedBeforeStarted";
    static final String UNCHANGED = "incident.obligation.rule.unchanged";

    private static final DateTimeFormatter SHOWN =
            DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm").withZone(be.bolwerk.shared.BelgianTime.ZONE);

    /**
     * The facts themselves. The moments are instants (typed and shown in Brussels time); the answers are YES, NO
     * or UNKNOWN (to be determined); {@code breachReason} is why the breach was or was not notified (art. 33(5)).
     */
    public record Values(
            Instant detectedAt,
            Instant becameAwareAt,
            Instant personalDataKnownAt,
            Instant startedAt,
            Instant resolvedAt,
            Answer personalDataBreach,
            Answer significant,
            String breachReason) {

        public Values {
            personalDataBreach = personalDataBreach == null ? Answer.UNKNOWN : personalDataBreach;
            significant = significant == null ? Answer.UNKNOWN : significant;
            breachReason = breachReason == null || breachReason.isBlank() ? null : breachReason.strip();
        }
    }

    /** One fact changed, as the history shows it: the old and new values as people read them. */
    public record Change(String fact, String oldValue, String newValue) {}

    private final IncidentId incidentId;
    private final UUID organisationId;
    private Values values;
    private final int revision;
    private final List<Change> changes = new ArrayList<>();
    private IncidentFactsChanged event;

    IncidentFacts(IncidentId incidentId, UUID organisationId, Values values, int revision) {
        this.incidentId = Objects.requireNonNull(incidentId);
        this.organisationId = Objects.requireNonNull(organisationId);
        this.values = Objects.requireNonNull(values);
        this.revision = revision;
    }

    /** The facts as the report gives them: detected when noticed, started when it started; the rest open. */
    static IncidentFacts fromReport(IncidentId id, UUID organisationId, Instant startedAt, Instant noticedAt) {
        return new IncidentFacts(
                id,
                organisationId,
                new Values(noticedAt, null, null, startedAt, null, Answer.UNKNOWN, Answer.UNKNOWN, null),
                0);
    }

    /**
     * Replaces the facts. Refused when a moment lies in the future, when a breach is confirmed without the moment
     * the personal data were known affected, when the incident is judged significant without the moment of
     * becoming aware, when it was resolved before it started, or when nothing changed.
     */
    void change(Values next, Actor by, Instant now, String reference) {
        boolean future = Stream.of(
                        next.detectedAt(),
                        next.becameAwareAt(),
                        next.personalDataKnownAt(),
                        next.startedAt(),
                        next.resolvedAt())
                .anyMatch(moment -> moment != null && moment.isAfter(now));
        if (future) {
            throw Refusal.invalid(FUTURE);
        }
        if (next.personalDataBreach() == Answer.YES && next.personalDataKnownAt() == null) {
            throw Refusal.invalid(KNOWN_REQUIRED);
        }
        if (next.significant() == Answer.YES && next.becameAwareAt() == null) {
            throw Refusal.invalid(AWARE_REQUIRED);
        }
        if (next.resolvedAt() != null
                && next.startedAt() != null
                && next.resolvedAt().isBefore(next.startedAt())) {
            throw Refusal.invalid(RESOLVED_BEFORE_STARTED);
        }
        // The form shows and sends minutes: a moment typed back unchanged keeps the precision it had.
        next = new Values(
                kept(values.detectedAt(), next.detectedAt()),
                kept(values.becameAwareAt(), next.becameAwareAt()),
                kept(values.personalDataKnownAt(), next.personalDataKnownAt()),
                kept(values.startedAt(), next.startedAt()),
                kept(values.resolvedAt(), next.resolvedAt()),
                next.personalDataBreach(),
                next.significant(),
                next.breachReason());
        List<Change> found = new ArrayList<>();
        compare(found, "detectedAt", next, Values::detectedAt);
        compare(found, "becameAwareAt", next, Values::becameAwareAt);
        compare(found, "personalDataKnownAt", next, Values::personalDataKnownAt);
        compare(found, "startedAt", next, Values::startedAt);
        compare(found, "resolvedAt", next, Values::resolvedAt);
        compare(found, "personalDataBreach", next, Values::personalDataBreach);
        compare(found, "significant", next, Values::significant);
        compare(found, "breachReason", next, Values::breachReason);
        if (found.isEmpty()) {
            throw Refusal.invalid(UNCHANGED);
        }
        this.values = next;
        this.changes.addAll(found);
        this.event = new IncidentFactsChanged(
                incidentId,
                organisationId,
                reference,
                found.stream().map(Change::fact).toList(),
                next.personalDataBreach() == Answer.YES,
                next.significant() == Answer.YES,
                by.id(),
                now);
    }

    private static Instant kept(Instant before, Instant after) {
        if (before != null
                && after != null
                && before.truncatedTo(ChronoUnit.MINUTES).equals(after.truncatedTo(ChronoUnit.MINUTES))) {
            return before;
        }
        return after;
    }

    private void compare(List<Change> found, String fact, Values next, Function<Values, Object> value) {
        Object before = value.apply(values);
        Object after = value.apply(next);
        if (!Objects.equals(before, after)) {
            found.add(new Change(fact, shown(before), shown(after)));
        }
    }

    private static String shown(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof Instant instant ? SHOWN.format(instant) : value.toString();
    }

    public IncidentId incidentId() {
        return incidentId;
    }

    public UUID organisationId() {
        return organisationId;
    }

    public Values values() {
        return values;
    }

    int revision() {
        return revision;
    }

    /** What the last {@link #change} changed, for the history. */
    List<Change> changes() {
        return List.copyOf(changes);
    }

    /** The event of the last {@link #change}, if any. */
    Optional<IncidentFactsChanged> event() {
        return Optional.ofNullable(event);
    }
}
