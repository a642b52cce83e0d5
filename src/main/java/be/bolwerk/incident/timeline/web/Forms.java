package be.bolwerk.incident.timeline.web;

import be.bolwerk.incident.Tlp;
import be.bolwerk.incident.timeline.Entry;
import be.bolwerk.incident.timeline.EntryKind;
import be.bolwerk.shared.BelgianTime;
import be.bolwerk.shared.Refusal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.UUID;

/** The forms of the timeline page, as typed: strings, so that no value typed by hand fails the binding. */
final class Forms {

    static final String WHEN_FORMAT = "incident.timeline.rule.whenFormat";
    static final String CORRECTS_UNKNOWN = "incident.timeline.rule.correctsUnknown";
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private Forms() {}

    /** A new entry, or a correction of the entry named in {@code corrects}; {@code occurredAt} in Brussels time. */
    record EntryForm(String kind, String text, String occurredAt, String tlp, String corrects) {

        static EntryForm empty(Instant now, Tlp tlp) {
            return new EntryForm(EntryKind.OBSERVATION.name(), "", local(now), tlp.name(), "");
        }

        static EntryForm correcting(Entry entry) {
            EntryKind kind = entry.kind() == EntryKind.ASSET_STATUS ? EntryKind.OBSERVATION : entry.kind();
            return new EntryForm(
                    kind.name(),
                    entry.text(),
                    local(entry.occurredAt()),
                    entry.tlp().name(),
                    entry.id().toString());
        }

        /** The draft; a moment that is no date and time is refused as such, next to its field. */
        Entry.Draft draft() {
            return new Entry.Draft(EntryKind.parse(kind), text, moment(occurredAt), Forms.tlp(tlp));
        }

        /** The entry corrected, null for a new entry; a value that is no id is refused like an unknown entry. */
        UUID correctsId() {
            UUID id = uuid(corrects);
            if (id == null && corrects != null && !corrects.isBlank()) {
                throw Refusal.invalid(CORRECTS_UNKNOWN);
            }
            return id;
        }
    }

    record AssetForm(String name, String assetKind) {

        static AssetForm empty() {
            return new AssetForm("", "SERVER");
        }
    }

    record IndicatorForm(String type, String value, String indicatorTlp, String note) {

        static IndicatorForm empty(Tlp tlp) {
            return new IndicatorForm("IPV4", "", tlp.name(), "");
        }
    }

    record EvidenceForm(String description, String evidenceTlp) {

        static EvidenceForm empty(Tlp tlp) {
            return new EvidenceForm("", tlp.name());
        }
    }

    /** A hand-over of the file {@code evidenceId}: to whom and why. */
    record HandoverForm(String evidenceId, String handedTo, String reason) {

        static HandoverForm empty() {
            return new HandoverForm("", "", "");
        }
    }

    /** A moment as a datetime-local input sends it, in Brussels time; null when empty. */
    static Instant moment(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(text.strip()).atZone(BelgianTime.ZONE).toInstant();
        } catch (DateTimeParseException notAMoment) {
            throw Refusal.invalid(WHEN_FORMAT);
        }
    }

    static String local(Instant instant) {
        return LOCAL.format(instant.atZone(BelgianTime.ZONE));
    }

    static Tlp tlp(String name) {
        return Arrays.stream(Tlp.values())
                .filter(t -> t.name().equals(name))
                .findFirst()
                .orElse(null);
    }

    static UUID uuid(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(text.strip());
        } catch (IllegalArgumentException notAnId) {
            return null;
        }
    }
}
