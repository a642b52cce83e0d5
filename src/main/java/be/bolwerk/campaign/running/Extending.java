package be.bolwerk.campaign.running;

import be.bolwerk.campaign.CampaignId;
import be.bolwerk.campaign.DeadlineExtended;
import be.bolwerk.framework.FrameworkVersionId;
import be.bolwerk.framework.Frameworks;
import be.bolwerk.shared.Refusal;
import be.bolwerk.shared.security.CurrentUser;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Grants one organisation a later deadline, with a reason that is kept (who, when) and mailed to the
 * organisation's admins. The scheduled reminders then count from the new deadline.
 */
@Service
@PreAuthorize("hasRole('PROGRAMME_OFFICER')")
public class Extending {

    /** The new deadline is not later than the organisation's current one: that is no extension. */
    public static final String NOT_LATER = "campaign.extension.notLater";
    /** Someone else changed the deadline since the form was opened. */
    public static final String STALE = "campaign.extension.stale";

    public static final int REASON_MAX = 1000;

    private final CampaignStore store;
    private final Frameworks frameworks;
    private final CampaignMails mails;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Extending(
            CampaignStore store,
            Frameworks frameworks,
            CampaignMails mails,
            ApplicationEventPublisher events,
            Clock clock) {
        this.store = store;
        this.frameworks = frameworks;
        this.mails = mails;
        this.events = events;
        this.clock = clock;
    }

    /**
     * @param seen the deadline the officer saw when deciding, so two officers extending at once do not silently
     *     overwrite each other
     */
    @Transactional
    public void extend(
            CampaignId id,
            UUID organisationId,
            LocalDate seen,
            LocalDate deadline,
            String reason,
            CurrentUser officer) {
        Campaign campaign = store.find(id).orElseThrow(CampaignNotFound::new);
        Participant participant = store.participant(id, organisationId).orElseThrow(CampaignNotFound::new);
        if (reason == null || reason.isBlank() || reason.strip().length() > REASON_MAX) {
            throw new IllegalArgumentException("a reason of at most " + REASON_MAX + " characters is required");
        }
        if (!deadline.isAfter(participant.deadline())) {
            throw Refusal.invalid(NOT_LATER, participant.deadline());
        }
        Instant now = clock.instant();
        if (!participant.deadline().equals(seen)
                || !store.extend(id, organisationId, seen, deadline, reason.strip(), officer.id(), now)) {
            throw Refusal.conflict(STALE);
        }
        Participant extended = new Participant(
                organisationId, participant.organisationName(), deadline, reason.strip(), officer.id(), now);
        String framework = frameworks
                .find(new FrameworkVersionId(campaign.frameworkVersionId()))
                .map(Opening::title)
                .orElse("");
        mails.extension(campaign, framework, extended);
        events.publishEvent(new DeadlineExtended(
                id, organisationId, participant.deadline(), deadline, reason.strip(), officer.id()));
    }
}
