package be.bolwerk.incident.obligation.web;

import be.bolwerk.incident.Answer;
import be.bolwerk.incident.obligation.IncidentFacts;
import be.bolwerk.shared.BelgianTime;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import org.springframework.validation.BindingResult;

/**
 * The facts as the form binds them: moments as the text of datetime-local inputs (Brussels wall time), so that a
 * malformed moment is reported next to its field and shown again as typed instead of being lost to a conversion.
 */
record FactsForm(
        String detectedAt,
        String becameAwareAt,
        String personalDataKnownAt,
        String startedAt,
        String resolvedAt,
        Answer personalDataBreach,
        Answer significant,
        @Size(max = 2000, message = "{validation.size.max}") String breachReason) {

    private static final DateTimeFormatter INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    static FactsForm of(IncidentFacts.Values v) {
        return new FactsForm(
                text(v.detectedAt()),
                text(v.becameAwareAt()),
                text(v.personalDataKnownAt()),
                text(v.startedAt()),
                text(v.resolvedAt()),
                v.personalDataBreach(),
                v.significant(),
                v.breachReason());
    }

    /** The facts, or null with the malformed fields rejected. */
    IncidentFacts.Values values(BindingResult binding) {
        Instant detected = moment("detectedAt", detectedAt, binding);
        Instant aware = moment("becameAwareAt", becameAwareAt, binding);
        Instant known = moment("personalDataKnownAt", personalDataKnownAt, binding);
        Instant started = moment("startedAt", startedAt, binding);
        Instant resolved = moment("resolvedAt", resolvedAt, binding);
        if (binding.hasErrors()) {
            return null;
        }
        return new IncidentFacts.Values(
                detected, aware, known, started, resolved, personalDataBreach, significant, breachReason);
    }

    static String text(Instant moment) {
        return moment == null
                ? null
                : INPUT.format(LocalDateTime.ofInstant(moment.truncatedTo(ChronoUnit.MINUTES), BelgianTime.ZONE));
    }

    /**
     * A wall time in Brussels as an instant. In the repeated hour of October the earlier moment is meant (ADR
     * 0039); a wall time in the missing hour of March moves forward by the gap, as java.time resolves it.
     */
    static Instant moment(String field, String text, BindingResult binding) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(text.strip()).atZone(BelgianTime.ZONE).toInstant();
        } catch (DateTimeParseException malformed) {
            binding.rejectValue(field, "incident.obligation.validation.moment");
            return null;
        }
    }
}
