package be.bolwerk.incident.timeline;

import be.bolwerk.incident.IncidentId;
import be.bolwerk.incident.handling.Actor;
import be.bolwerk.incident.handling.Incident;
import be.bolwerk.shared.Refusal;
import java.time.Instant;
import java.util.UUID;

/**
 * A system, account or device the incident touches, with whether it was compromised. Its status changes only
 * through {@link #changeTo}, which also writes the timeline entry that is its history. Public because templates
 * read it.
 */
public record Asset(
        UUID id,
        IncidentId incidentId,
        UUID organisationId,
        String name,
        AssetKind kind,
        Compromise status,
        Instant addedAt,
        Actor addedBy) {

    public static final int MAX_NAME = 200;
    static final String NAME_REQUIRED = "incident.asset.rule.nameRequired";
    static final String NAME_TOO_LONG = "incident.asset.rule.nameTooLong";
    static final String KIND_REQUIRED = "incident.asset.rule.kindRequired";
    static final String STATUS_REQUIRED = "incident.asset.rule.statusRequired";
    static final String SAME_STATUS = "incident.asset.rule.sameStatus";

    /** A status change: the asset as it is now, and the timeline entry that tells it. */
    record Change(Asset asset, Entry entry) {}

    /** A newly named asset, to be determined unless said otherwise. */
    static Asset add(Incident incident, String name, AssetKind kind, Compromise status, Actor by, Instant now) {
        String clean = name == null ? "" : name.strip();
        if (clean.isEmpty()) {
            throw Refusal.invalid(NAME_REQUIRED);
        }
        if (clean.length() > MAX_NAME) {
            throw Refusal.invalid(NAME_TOO_LONG, MAX_NAME);
        }
        if (kind == null) {
            throw Refusal.invalid(KIND_REQUIRED);
        }
        return new Asset(
                UUID.randomUUID(),
                incident.id(),
                incident.organisationId(),
                clean,
                kind,
                status == null ? Compromise.TO_BE_DETERMINED : status,
                now,
                by);
    }

    /** Moves the status and writes who did it when, labelled like the incident; refused when it is the same. */
    Change changeTo(Compromise to, Incident incident, Actor by, Instant now) {
        if (to == null) {
            throw Refusal.invalid(STATUS_REQUIRED);
        }
        if (to == status) {
            throw Refusal.conflict(SAME_STATUS);
        }
        Asset changed = new Asset(id, incidentId, organisationId, name, kind, to, addedAt, addedBy);
        return new Change(changed, Entry.assetStatus(this, status, to, incident.tlp(), by, now));
    }
}
