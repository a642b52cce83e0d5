package be.bolwerk.audittrail.recording;

import be.bolwerk.audittrail.AuditEventType;
import be.bolwerk.audittrail.chain.Actors;
import be.bolwerk.audittrail.chain.AuditTrail;
import be.bolwerk.audittrail.chain.Details;
import be.bolwerk.campaign.CampaignOpened;
import be.bolwerk.campaign.CampaignRemindersSent;
import be.bolwerk.campaign.DeadlineExtended;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Records what the programme office asks of organisations in a campaign: opening it (how many were invited),
 * reminders sent (by the schedule, with the system as actor, or by hand) and each extended deadline with its
 * reason, under the organisation it concerns so that the organisation's own trail shows it.
 */
@Component
class CampaignEventRecorder {

    /** Numbers and days go in as text, as the reader sees them: a year is not "2.026". */
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd-MM-yyyy");

    private final AuditTrail trail;

    CampaignEventRecorder(AuditTrail trail) {
        this.trail = trail;
    }

    @EventListener
    void on(CampaignOpened event) {
        trail.append(
                AuditEventType.CAMPAIGN_OPENED,
                true,
                Actors.current(),
                null,
                Details.about(
                        Map.of("campaign", event.id().value(), "framework", event.frameworkVersionId()),
                        "audit.detail.campaignOpened",
                        String.valueOf(event.year()),
                        String.valueOf(event.invited())));
    }

    @EventListener
    void on(CampaignRemindersSent event) {
        trail.append(
                AuditEventType.CAMPAIGN_REMINDERS_SENT,
                true,
                Actors.current(),
                null,
                Details.about(
                        Map.of("campaign", event.id().value()),
                        event.manual() ? "audit.detail.campaignRemindedByHand" : "audit.detail.campaignReminded",
                        String.valueOf(event.organisations())));
    }

    @EventListener
    void on(DeadlineExtended event) {
        trail.append(
                AuditEventType.CAMPAIGN_DEADLINE_EXTENDED,
                true,
                Actors.current(),
                event.organisationId(),
                Details.about(
                        Map.of("campaign", event.id().value()),
                        "audit.detail.deadlineExtended",
                        DAY.format(event.previous()),
                        DAY.format(event.deadline()),
                        event.reason()));
    }
}
