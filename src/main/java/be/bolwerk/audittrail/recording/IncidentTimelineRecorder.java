package be.bolwerk.audittrail.recording;

import be.bolwerk.audittrail.AuditEventType;
import be.bolwerk.audittrail.chain.Actors;
import be.bolwerk.audittrail.chain.AuditTrail;
import be.bolwerk.audittrail.chain.Details;
import be.bolwerk.incident.event.work.IncidentAssetRecorded;
import be.bolwerk.incident.event.work.IncidentEntryRecorded;
import be.bolwerk.incident.event.work.IncidentEvidenceCustody;
import be.bolwerk.incident.event.work.IncidentIndicatorAdded;
import be.bolwerk.incident.event.work.IncidentTimelineEvent;
import java.util.HashMap;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Records what is added to an incident's timeline, assets, indicators and evidence, under the incident's
 * organisation and by its reference. Never the text of an entry nor an indicator's value (either may be TLP:RED, and
 * an e-mail address is personal data); a file by its name and SHA-256, so the chain of custody can be checked
 * against the trail.
 */
@Component
class IncidentTimelineRecorder {

    private final AuditTrail trail;

    IncidentTimelineRecorder(AuditTrail trail) {
        this.trail = trail;
    }

    @EventListener
    void on(IncidentEntryRecorded e) {
        Map<String, Object> ids = ids(e);
        ids.put("entry", e.entryId());
        if (e.corrects() != null) {
            ids.put("corrects", e.corrects());
        }
        append(
                AuditEventType.INCIDENT_ENTRY_RECORDED,
                e,
                ids,
                e.corrects() == null ? "audit.detail.incidentEntry" : "audit.detail.incidentEntryCorrection",
                e.reference(),
                Details.term("incident.entry.kind." + e.kind(), e.kind()),
                e.tlp().label());
    }

    @EventListener
    void on(IncidentAssetRecorded e) {
        Map<String, Object> ids = ids(e);
        ids.put("asset", e.assetId());
        if (e.from() == null) {
            append(
                    AuditEventType.INCIDENT_ASSET_RECORDED,
                    e,
                    ids,
                    "audit.detail.incidentAssetAdded",
                    e.reference(),
                    e.name());
        } else {
            append(
                    AuditEventType.INCIDENT_ASSET_RECORDED,
                    e,
                    ids,
                    "audit.detail.incidentAssetStatus",
                    e.reference(),
                    e.name(),
                    Details.term("incident.asset.status." + e.from(), e.from()),
                    Details.term("incident.asset.status." + e.to(), e.to()));
        }
    }

    @EventListener
    void on(IncidentIndicatorAdded e) {
        Map<String, Object> ids = ids(e);
        ids.put("indicator", e.indicatorId());
        append(
                AuditEventType.INCIDENT_INDICATOR_ADDED,
                e,
                ids,
                "audit.detail.incidentIndicator",
                e.reference(),
                Details.term("incident.indicator.type." + e.type(), e.type()),
                e.tlp().label());
    }

    @EventListener
    void on(IncidentEvidenceCustody e) {
        Map<String, Object> ids = ids(e);
        ids.put("evidence", e.evidenceId());
        if (e.handedTo() != null) {
            append(
                    AuditEventType.INCIDENT_EVIDENCE_CUSTODY,
                    e,
                    ids,
                    "audit.detail.incidentEvidenceHandedOver",
                    e.reference(),
                    e.fileName(),
                    e.sha256(),
                    e.handedTo());
        } else {
            append(
                    AuditEventType.INCIDENT_EVIDENCE_CUSTODY,
                    e,
                    ids,
                    "audit.detail.incidentEvidence",
                    e.reference(),
                    e.fileName(),
                    e.sha256(),
                    Details.term("incident.custody." + e.action(), e.action()));
        }
    }

    private static Map<String, Object> ids(IncidentTimelineEvent event) {
        Map<String, Object> ids = new HashMap<>();
        ids.put("incident", event.incidentId().value());
        return ids;
    }

    private void append(
            AuditEventType type, IncidentTimelineEvent event, Map<String, Object> ids, String key, Object... args) {
        trail.append(type, true, Actors.current(), event.organisationId(), Details.about(ids, key, args));
    }
}
