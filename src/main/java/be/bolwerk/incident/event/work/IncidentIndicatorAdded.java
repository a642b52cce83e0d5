package be.bolwerk.incident.event.work;

import be.bolwerk.incident.IncidentId;
import be.bolwerk.incident.Tlp;
import java.util.UUID;

/** An indicator of compromise of {@code type} (IPV4, DOMAIN, …) was added; its value is not told here. */
public record IncidentIndicatorAdded(
        IncidentId incidentId, UUID organisationId, String reference, UUID indicatorId, String type, Tlp tlp)
        implements IncidentTimelineEvent {}
