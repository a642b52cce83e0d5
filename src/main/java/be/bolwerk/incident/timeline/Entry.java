package be.bolwerk.incident.timeline;

import be.bolwerk.incident.IncidentId;
import be.bolwerk.incident.Tlp;
import be.bolwerk.incident.event.work.IncidentEntryRecorded;
import be.bolwerk.incident.handling.Access;
import be.bolwerk.incident.handling.Actor;
import be.bolwerk.incident.handling.Incident;
import be.bolwerk.shared.Refusal;
import java.time.Instant;
import java.util.UUID;

/**
 * One entry of an incident's timeline and communication log. Entries are never changed: a record has no setters
 * and the store no update. A wrong entry is corrected by a new one that names it in {@code corrects}; the old one
 * keeps its text and is shown as corrected. {@code occurredAt} is when it happened as the author says (never in the
 * future), {@code recordedAt} the server's clock when it was written. Public because templates read it.
 */
public record Entry(
        UUID id,
        IncidentId incidentId,
        UUID organisationId,
        EntryKind kind,
        String text,
        Instant occurredAt,
        Instant recordedAt,
        Actor author,
        Tlp tlp,
        UUID corrects,
        UUID assetId,
        Compromise statusFrom,
        Compromise statusTo) {

    public static final int MAX_TEXT = 4000;
    static final String KIND_REQUIRED = "incident.timeline.rule.kindRequired";
    static final String TO_ORGANISATION_BY_CRT = "incident.timeline.rule.toOrganisationByCrt";
    static final String TEXT_REQUIRED = "incident.timeline.rule.textRequired";
    static final String TEXT_TOO_LONG = "incident.timeline.rule.textTooLong";
    static final String WHEN_REQUIRED = "incident.timeline.rule.whenRequired";
    static final String WHEN_FUTURE = "incident.timeline.rule.whenFuture";
    static final String CORRECTS_OTHER = "incident.timeline.rule.correctsOther";

    /** What a person writes: kind, text, when it happened and the label; the label defaults to the incident's. */
    public record Draft(EntryKind kind, String text, Instant occurredAt, Tlp tlp) {}

    /**
     * A new entry by a person who may contribute. Refused without a kind a person writes, without text or with too
     * much, without a moment or with one in the future; a message to the organisation is the CRT's to send.
     */
    static Entry write(Incident incident, Access access, Draft draft, Actor author, Instant now) {
        if (draft.kind() == null || draft.kind() == EntryKind.ASSET_STATUS) {
            throw Refusal.invalid(KIND_REQUIRED);
        }
        if (draft.kind() == EntryKind.MESSAGE_TO_ORGANISATION && !access.mayHandle()) {
            throw Refusal.invalid(TO_ORGANISATION_BY_CRT);
        }
        String text = draft.text() == null ? "" : draft.text().strip();
        if (text.isEmpty()) {
            throw Refusal.invalid(TEXT_REQUIRED);
        }
        if (text.length() > MAX_TEXT) {
            throw Refusal.invalid(TEXT_TOO_LONG, MAX_TEXT);
        }
        if (draft.occurredAt() == null) {
            throw Refusal.invalid(WHEN_REQUIRED);
        }
        if (draft.occurredAt().isAfter(now)) {
            throw Refusal.invalid(WHEN_FUTURE);
        }
        return new Entry(
                UUID.randomUUID(),
                incident.id(),
                incident.organisationId(),
                draft.kind(),
                text,
                draft.occurredAt(),
                now,
                author,
                draft.tlp() == null ? incident.tlp() : draft.tlp(),
                null,
                null,
                null,
                null);
    }

    /** A new entry that corrects this one (which stays as it is); refused when this one is of another incident. */
    Entry correctedBy(Incident incident, Access access, Draft draft, Actor author, Instant now) {
        if (!incidentId.equals(incident.id())) {
            throw Refusal.invalid(CORRECTS_OTHER);
        }
        Entry correction = write(incident, access, draft, author, now);
        return new Entry(
                correction.id,
                correction.incidentId,
                correction.organisationId,
                correction.kind,
                correction.text,
                correction.occurredAt,
                correction.recordedAt,
                correction.author,
                correction.tlp,
                id,
                null,
                null,
                null);
    }

    /** The entry an asset's status change writes by itself: who, when, from and to; the text is the asset's name. */
    static Entry assetStatus(Asset asset, Compromise from, Compromise to, Tlp tlp, Actor by, Instant now) {
        return new Entry(
                UUID.randomUUID(),
                asset.incidentId(),
                asset.organisationId(),
                EntryKind.ASSET_STATUS,
                asset.name(),
                now,
                now,
                by,
                tlp,
                null,
                asset.id(),
                from,
                to);
    }

    IncidentEntryRecorded recorded(String reference) {
        return new IncidentEntryRecorded(
                incidentId, organisationId, reference, id, kind.name(), tlp, corrects, occurredAt);
    }

    /** True when it was written later than it happened by more than a minute, so the page shows both moments. */
    public boolean recordedLater() {
        return recordedAt.isAfter(occurredAt.plusSeconds(60));
    }
}
