package be.bolwerk.incident.event.work;

import be.bolwerk.incident.IncidentId;
import java.util.UUID;

/**
 * The events of an incident's timeline, assets, indicators and evidence (ADR 0038). Apart from the sealed
 * {@link IncidentEvent} on purpose: that one lists the incident's transitions; these happen alongside them.
 */
public interface IncidentTimelineEvent {

    IncidentId incidentId();

    UUID organisationId();

    String reference();
}
