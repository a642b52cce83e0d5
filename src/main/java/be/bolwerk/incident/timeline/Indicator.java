package be.bolwerk.incident.timeline;

import be.bolwerk.incident.IncidentId;
import be.bolwerk.incident.Tlp;
import be.bolwerk.incident.handling.Actor;
import be.bolwerk.incident.handling.Incident;
import be.bolwerk.shared.Refusal;
import java.time.Instant;
import java.util.UUID;

/** An indicator of compromise of one incident, its value checked for its type. Public because templates read it. */
public record Indicator(
        UUID id,
        IncidentId incidentId,
        UUID organisationId,
        IndicatorType type,
        String value,
        Tlp tlp,
        String note,
        Instant addedAt,
        Actor addedBy) {

    public static final int MAX_NOTE = 1000;
    static final String TYPE_REQUIRED = "incident.indicator.rule.typeRequired";
    static final String NOTE_TOO_LONG = "incident.indicator.rule.noteTooLong";
    static final String ALREADY_THERE = "incident.indicator.rule.alreadyThere";

    static Indicator add(
            Incident incident, IndicatorType type, String value, Tlp tlp, String note, Actor by, Instant now) {
        if (type == null) {
            throw Refusal.invalid(TYPE_REQUIRED);
        }
        String normalised = type.normalise(value);
        String cleanNote = note == null || note.isBlank() ? null : note.strip();
        if (cleanNote != null && cleanNote.length() > MAX_NOTE) {
            throw Refusal.invalid(NOTE_TOO_LONG, MAX_NOTE);
        }
        return new Indicator(
                UUID.randomUUID(),
                incident.id(),
                incident.organisationId(),
                type,
                normalised,
                tlp == null ? incident.tlp() : tlp,
                cleanNote,
                now,
                by);
    }
}
