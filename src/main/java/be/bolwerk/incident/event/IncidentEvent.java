package be.bolwerk.incident.event;

import be.bolwerk.incident.IncidentId;
import java.util.UUID;

/**
 * Every event of an incident names it, its organisation and its reference as people say it. The permits list
 * grows with each transition; the audit trail records each event.
 */
public sealed interface IncidentEvent
        permits IncidentReported,
                IncidentTriaged,
                IncidentReclassified,
                IncidentContained,
                IncidentEradicated,
                IncidentRecovered,
                IncidentClosed,
                IncidentDismissed,
                IncidentMerged,
                IncidentPutOnHold,
                IncidentResumed,
                IncidentReopened,
                IncidentFactsChanged,
                ObligationRecorded {

    IncidentId incidentId();

    UUID organisationId();

    String reference();
}
