package be.bolwerk.campaign.running;

import be.bolwerk.campaign.CampaignId;
import be.bolwerk.campaign.CampaignOpened;
import be.bolwerk.framework.Framework;
import be.bolwerk.framework.FrameworkVersionId;
import be.bolwerk.framework.Frameworks;
import be.bolwerk.organisation.OrganisationDirectory;
import be.bolwerk.organisation.OrganisationListItem;
import be.bolwerk.organisation.OrganisationSearch;
import be.bolwerk.organisation.OrganisationType;
import be.bolwerk.shared.BelgianTime;
import be.bolwerk.shared.Refusal;
import be.bolwerk.shared.security.CurrentUser;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opens a campaign: checks it, records which organisations are invited, and mails their admins a link to
 * start the self-evaluation, all in one transaction (the mails wait in the outbox until it commits).
 */
@Service
@PreAuthorize("hasRole('PROGRAMME_OFFICER')")
public class Opening {

    /** A campaign for this framework version and year exists already. */
    public static final String DUPLICATE = "campaign.duplicate";
    /** The framework version does not exist. */
    public static final String UNKNOWN_FRAMEWORK = "campaign.framework.unknown";
    /** No organisation matches the invitation. */
    public static final String NONE_INVITED = "campaign.noneInvited";

    /** What the officer asks for; {@code invitedType} null invites every organisation. */
    public record Request(
            String name,
            UUID frameworkVersionId,
            int year,
            OrganisationType invitedType,
            LocalDate startsOn,
            LocalDate deadline,
            ReminderSchedule reminders) {}

    private final CampaignStore store;
    private final Frameworks frameworks;
    private final OrganisationDirectory organisations;
    private final CampaignMails mails;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Opening(
            CampaignStore store,
            Frameworks frameworks,
            OrganisationDirectory organisations,
            CampaignMails mails,
            ApplicationEventPublisher events,
            Clock clock) {
        this.store = store;
        this.frameworks = frameworks;
        this.organisations = organisations;
        this.mails = mails;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public CampaignId open(Request request, CurrentUser officer) {
        // A draft is not there for organisations yet, and a retired version starts nothing new.
        if (frameworks.published().stream().noneMatch(f -> f.id().value().equals(request.frameworkVersionId()))) {
            throw Refusal.invalid(UNKNOWN_FRAMEWORK);
        }
        Framework framework = frameworks
                .find(new FrameworkVersionId(request.frameworkVersionId()))
                .orElseThrow(() -> Refusal.invalid(UNKNOWN_FRAMEWORK));
        Campaign.check(request.year(), request.startsOn(), request.deadline(), BelgianTime.today(clock));
        if (store.exists(request.frameworkVersionId(), request.year())) {
            throw Refusal.conflict(DUPLICATE);
        }
        Map<UUID, String> invited = invited(request.invitedType(), officer);
        if (invited.isEmpty()) {
            throw Refusal.invalid(NONE_INVITED);
        }
        Campaign campaign = new Campaign(
                new CampaignId(UUID.randomUUID()),
                request.name(),
                request.frameworkVersionId(),
                request.year(),
                request.invitedType(),
                request.startsOn(),
                request.deadline(),
                request.reminders(),
                officer.id(),
                clock.instant());
        try {
            store.insert(campaign, invited);
        } catch (DuplicateKeyException raced) {
            throw Refusal.conflict(DUPLICATE);
        }
        String title = title(framework);
        invited.forEach((id, name) -> mails.invitation(campaign, title, id, name));
        events.publishEvent(
                new CampaignOpened(campaign.id(), campaign.frameworkVersionId(), campaign.year(), invited.size()));
        return campaign.id();
    }

    /** The organisations invited, by name: every one the officer oversees, or those of one type. */
    private Map<UUID, String> invited(OrganisationType type, CurrentUser officer) {
        List<OrganisationListItem> matching = organisations.matching(
                new OrganisationSearch("", type, "name", false, 0, OrganisationSearch.MAX_SIZE), officer);
        Map<UUID, String> invited = new LinkedHashMap<>();
        matching.forEach(o -> invited.put(o.id().value(), o.name()));
        return invited;
    }

    static String title(Framework framework) {
        return framework.title() + " " + framework.version();
    }
}
