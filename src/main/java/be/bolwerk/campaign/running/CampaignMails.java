package be.bolwerk.campaign.running;

import be.bolwerk.identity.OrganisationMember;
import be.bolwerk.identity.OrganisationMembers;
import be.bolwerk.identity.PersonalMail;
import be.bolwerk.notification.NotificationProperties;
import be.bolwerk.shared.security.OrganisationRole;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The campaign's mails to an organisation: invitation, reminder, extension. They go to the organisation's
 * active admins, who start the self-evaluation and hand out its areas; a person who administers two invited
 * organisations gets one mail for each, named. They go through {@link PersonalMail}, in the language each person
 * chose, as essential mails: a deadline the organisation must meet is not news a person may switch off (the
 * campaign itself keeps a reminder from going out twice, see {@code Reminding}).
 */
@Component
public class CampaignMails {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd-MM-yyyy");

    private final PersonalMail mail;
    private final OrganisationMembers members;
    private final NotificationProperties properties;

    CampaignMails(PersonalMail mail, OrganisationMembers members, NotificationProperties properties) {
        this.mail = mail;
        this.members = members;
        this.properties = properties;
    }

    /** Who receives the campaign's mails for this organisation. */
    public List<OrganisationMember> recipients(UUID organisationId) {
        return members.active(organisationId).stream()
                .filter(m -> m.role() == OrganisationRole.ORGANISATION_ADMIN)
                .toList();
    }

    /** The page where the organisation starts (or continues) its self-evaluation. */
    public String link(UUID assessmentId) {
        return properties.baseUrl() + (assessmentId == null ? "/assessments" : "/assessments/" + assessmentId);
    }

    int invitation(Campaign campaign, String framework, UUID organisationId, String organisationName) {
        Map<String, Object> model = common(campaign, framework, organisationName, campaign.deadline());
        model.put("startsOn", DATE.format(campaign.startsOn()));
        model.put("link", link(null));
        return send(organisationId, "mail/campaignOpened", model, campaign.name());
    }

    int reminder(Campaign campaign, String framework, Participant participant, LocalDate today, UUID assessmentId) {
        Map<String, Object> model = common(campaign, framework, participant.organisationName(), participant.deadline());
        model.put("daysLeft", (int) (participant.deadline().toEpochDay() - today.toEpochDay()));
        model.put("link", link(assessmentId));
        return send(participant.organisationId(), "mail/campaignReminder", model, campaign.name());
    }

    int extension(Campaign campaign, String framework, Participant extended) {
        Map<String, Object> model = common(campaign, framework, extended.organisationName(), extended.deadline());
        model.put("reason", extended.extensionReason());
        model.put("link", link(null));
        return send(extended.organisationId(), "mail/campaignExtended", model, campaign.name());
    }

    private static Map<String, Object> common(
            Campaign campaign, String framework, String organisation, LocalDate deadline) {
        Map<String, Object> model = new HashMap<>();
        model.put("campaign", campaign.name());
        model.put("framework", framework);
        model.put("year", String.valueOf(campaign.year()));
        model.put("organisation", organisation);
        model.put("deadline", DATE.format(deadline));
        return model;
    }

    private int send(UUID organisationId, String template, Map<String, Object> model, String subject) {
        List<OrganisationMember> recipients = recipients(organisationId);
        for (OrganisationMember recipient : recipients) {
            // Each call is its own mail: whether one is due at all the campaign decides, from its own records.
            mail.send(
                    recipient.accountId(),
                    PersonalMail.Kind.ESSENTIAL,
                    template + ":" + UUID.randomUUID(),
                    template,
                    model,
                    subject);
        }
        return recipients.size();
    }
}
