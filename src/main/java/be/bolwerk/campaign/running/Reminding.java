package be.bolwerk.campaign.running;

import be.bolwerk.assessment.AssessmentProgress;
import be.bolwerk.assessment.AssessmentProgress.Progress;
import be.bolwerk.campaign.CampaignId;
import be.bolwerk.campaign.CampaignRemindersSent;
import be.bolwerk.framework.FrameworkVersionId;
import be.bolwerk.framework.Frameworks;
import be.bolwerk.identity.OrganisationMember;
import be.bolwerk.shared.BelgianTime;
import be.bolwerk.shared.security.CurrentUser;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reminders to the organisations that have not submitted yet: the scheduled ones on their day, and one sent by
 * hand from the completion overview after a preview. Each occasion is recorded per organisation before its
 * mail is queued, in the same transaction, so no organisation gets the same reminder twice.
 */
@Service
public class Reminding {

    /**
     * Who would be reminded by hand: an organisation behind, the people its mail goes to, and the link the mail
     * carries (its self-evaluation, or the page to start one).
     */
    public record Recipient(
            UUID organisationId, String organisation, LocalDate deadline, List<String> emails, String link) {}

    private final CampaignStore store;
    private final AssessmentProgress progress;
    private final Frameworks frameworks;
    private final CampaignMails mails;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Reminding(
            CampaignStore store,
            AssessmentProgress progress,
            Frameworks frameworks,
            CampaignMails mails,
            ApplicationEventPublisher events,
            Clock clock) {
        this.store = store;
        this.progress = progress;
        this.frameworks = frameworks;
        this.mails = mails;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Sends today's scheduled reminders of every running campaign; returns how many organisations were
     * reminded. Safe to run as often as wanted: an occasion already recorded sends nothing.
     */
    @Transactional
    public int sendScheduled() {
        LocalDate today = BelgianTime.today(clock);
        int reminded = 0;
        for (Campaign campaign : store.running(today)) {
            Map<UUID, Progress> progressOf = progress.of(campaign.frameworkVersionId(), campaign.year());
            String framework = framework(campaign);
            int inCampaign = 0;
            for (Participant participant : store.participants(campaign.id())) {
                Progress own = progressOf.get(participant.organisationId());
                if (own != null && own.submitted()) {
                    continue;
                }
                Integer days =
                        campaign.reminderDue(today, participant.deadline()).orElse(null);
                if (days == null) {
                    continue;
                }
                String occasion = "D" + days + "@" + participant.deadline();
                if (remind(campaign, framework, participant, own, occasion, today, null)) {
                    inCampaign++;
                }
            }
            if (inCampaign > 0) {
                events.publishEvent(new CampaignRemindersSent(campaign.id(), inCampaign, false));
            }
            reminded += inCampaign;
        }
        return reminded;
    }

    /** The organisations a reminder by hand would go to: every one that has not submitted, with its admins. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('PROGRAMME_OFFICER')")
    public List<Recipient> preview(CampaignId id) {
        Campaign campaign = store.find(id).orElseThrow(CampaignNotFound::new);
        Map<UUID, Progress> progressOf = progress.of(campaign.frameworkVersionId(), campaign.year());
        return store.participants(id).stream()
                .filter(p -> !submitted(progressOf.get(p.organisationId())))
                .map(p -> {
                    Progress own = progressOf.get(p.organisationId());
                    return new Recipient(
                            p.organisationId(),
                            p.organisationName(),
                            p.deadline(),
                            mails.recipients(p.organisationId()).stream()
                                    .map(OrganisationMember::email)
                                    .toList(),
                            mails.link(own == null ? null : own.assessmentId().value()));
                })
                .toList();
    }

    /**
     * Reminds every organisation that has not submitted, once a day at most (a second click the same day sends
     * nothing new); returns how many organisations were reminded.
     */
    @Transactional
    @PreAuthorize("hasRole('PROGRAMME_OFFICER')")
    public int sendNow(CampaignId id, CurrentUser officer) {
        Campaign campaign = store.find(id).orElseThrow(CampaignNotFound::new);
        LocalDate today = BelgianTime.today(clock);
        Map<UUID, Progress> progressOf = progress.of(campaign.frameworkVersionId(), campaign.year());
        String framework = framework(campaign);
        int reminded = 0;
        for (Participant participant : store.participants(id)) {
            Progress own = progressOf.get(participant.organisationId());
            if (!submitted(own) && remind(campaign, framework, participant, own, "M@" + today, today, officer.id())) {
                reminded++;
            }
        }
        events.publishEvent(new CampaignRemindersSent(id, reminded, true));
        return reminded;
    }

    private boolean remind(
            Campaign campaign,
            String framework,
            Participant participant,
            Progress own,
            String occasion,
            LocalDate today,
            UUID by) {
        int recipients = mails.recipients(participant.organisationId()).size();
        if (!store.recordReminder(
                campaign.id(), participant.organisationId(), occasion, clock.instant(), by, recipients)) {
            return false;
        }
        mails.reminder(
                campaign,
                framework,
                participant,
                today,
                own == null ? null : own.assessmentId().value());
        return true;
    }

    private static boolean submitted(Progress progress) {
        return progress != null && progress.submitted();
    }

    private String framework(Campaign campaign) {
        return frameworks
                .find(new FrameworkVersionId(campaign.frameworkVersionId()))
                .map(Opening::title)
                .orElse("");
    }
}
