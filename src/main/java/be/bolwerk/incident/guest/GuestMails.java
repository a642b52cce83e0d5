package be.bolwerk.incident.guest;

import be.bolwerk.identity.OrganisationMember;
import be.bolwerk.identity.OrganisationMembers;
import be.bolwerk.identity.PersonalMail;
import be.bolwerk.incident.handling.Incident;
import be.bolwerk.notification.Mailer;
import be.bolwerk.shared.security.OrganisationRole;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The guests' mails, queued in the step's transaction. The invitation goes to an address that has no account yet,
 * so it says only what the guest needs to find the incident: its reference, the firm, the last day and the link;
 * nothing about what happened (a mailbox is not the place for it). Acceptance and revocation go to the
 * organisation's admins and the lead analyst: they change who reads the incident, so they cannot be turned off.
 */
@Component
class GuestMails {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd-MM-yyyy");

    private final Mailer mailer;
    private final PersonalMail mail;
    private final OrganisationMembers members;

    GuestMails(Mailer mailer, PersonalMail mail, OrganisationMembers members) {
        this.mailer = mailer;
        this.mail = mail;
        this.members = members;
    }

    void invited(GuestGrant grant, Incident incident, String link) {
        mailer.send(
                grant.email(),
                Mailer.DEFAULT_LANGUAGE,
                "mail/incidentGuestInvited",
                Map.of(
                        "reference", incident.reference(),
                        "firm", grant.firm(),
                        "lastDay", DAY.format(grant.lastDay()),
                        "link", link),
                incident.reference());
    }

    void accepted(GuestGrant grant, Incident incident) {
        tell(grant, incident, "incidentGuestAccepted");
    }

    void revoked(GuestGrant grant, Incident incident) {
        tell(grant, incident, "incidentGuestRevoked");
    }

    private void tell(GuestGrant grant, Incident incident, String template) {
        Set<UUID> people = new LinkedHashSet<>();
        for (OrganisationMember member : members.active(incident.organisationId())) {
            if (member.role() == OrganisationRole.ORGANISATION_ADMIN) {
                people.add(member.accountId());
            }
        }
        if (incident.leadAnalyst() != null) {
            people.add(incident.leadAnalyst().id());
        }
        Map<String, Object> model = Map.of(
                "reference", incident.reference(),
                "firm", grant.firm(),
                "lastDay", DAY.format(grant.lastDay()),
                "link", mail.link("/incidents/" + incident.id().value() + "/guests"));
        for (UUID person : people) {
            mail.send(
                    person,
                    PersonalMail.Kind.ESSENTIAL,
                    template + ":" + grant.id() + ":" + person,
                    "mail/" + template,
                    model,
                    incident.reference());
        }
    }
}
