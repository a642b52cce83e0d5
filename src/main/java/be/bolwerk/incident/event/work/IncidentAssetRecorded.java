package be.bolwerk.incident.event.work;

import be.bolwerk.incident.IncidentId;
import java.util.UUID;

/**
 * An affected asset was named ({@code from} is null) or its compromise status changed from {@code from} to
 * {@code to} (TO_BE_DETERMINED, COMPROMISED, NOT_COMPROMISED).
 */
public record IncidentAssetRecorded(
        IncidentId incidentId, UUID organisationId, String reference, UUID assetId, String name, String from, String to)
        implements IncidentTimelineEvent {}
