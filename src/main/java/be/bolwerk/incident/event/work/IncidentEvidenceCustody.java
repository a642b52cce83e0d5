package be.bolwerk.incident.event.work;

import be.bolwerk.incident.IncidentId;
import java.util.UUID;

/**
 * A step in the chain of custody of an evidence file: {@code action} is UPLOADED, DOWNLOADED or HANDED_OVER,
 * {@code handedTo} whom it was handed over to (null otherwise), {@code sha256} the file's hash as computed on upload.
 */
public record IncidentEvidenceCustody(
        IncidentId incidentId,
        UUID organisationId,
        String reference,
        UUID evidenceId,
        String fileName,
        String sha256,
        String action,
        String handedTo)
        implements IncidentTimelineEvent {}
