package be.bolwerk.incident.event.work;

import be.bolwerk.incident.IncidentId;
import be.bolwerk.incident.Tlp;
import java.time.Instant;
import java.util.UUID;

/**
 * An entry was added to an incident's timeline and communication log; {@code kind} is the entry's kind as named in
 * the timeline (OBSERVATION, MESSAGE_TO_ORGANISATION, …), {@code corrects} the earlier entry it corrects, if any.
 * The text is not in the event: it may be labelled TLP:RED, and the audit trail names the entry, not its content.
 */
public record IncidentEntryRecorded(
        IncidentId incidentId,
        UUID organisationId,
        String reference,
        UUID entryId,
        String kind,
        Tlp tlp,
        UUID corrects,
        Instant occurredAt)
        implements IncidentTimelineEvent {}
