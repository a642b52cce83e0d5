package be.bolwerk.incident.handling;

import be.bolwerk.identity.OrganisationMember;
import be.bolwerk.identity.OrganisationMembers;
import be.bolwerk.identity.PersonalMail;
import be.bolwerk.shared.security.OrganisationRole;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The mails of the CRT's steps, queued in the step's transaction: the organisation's admins and the person who
 * reported hear of triage and every status step (an incident is not news they may turn off, so these are
 * essential); the lead analyst hears that the response is theirs. Each goes once per step (the revision the step
 * wrote names it). The mails name the incident by reference and status only: what happened stays on the page.
 */
@Component
class IncidentStepMails {

    private final PersonalMail mail;
    private final OrganisationMembers members;

    IncidentStepMails(PersonalMail mail, OrganisationMembers members) {
        this.mail = mail;
        this.members = members;
    }

    /** After {@link IncidentStore#update}: the incident as loaded, now one revision further. */
    void stepTaken(Incident incident) {
        Set<UUID> recipients = new LinkedHashSet<>();
        for (OrganisationMember member : members.active(incident.organisationId())) {
            if (member.role() == OrganisationRole.ORGANISATION_ADMIN) {
                recipients.add(member.accountId());
            }
        }
        recipients.add(incident.reported().reporter().id());
        Map<String, Object> model = model(incident);
        for (UUID recipient : recipients) {
            mail.send(
                    recipient,
                    PersonalMail.Kind.ESSENTIAL,
                    "incidentStep:" + incident.id() + ":" + (incident.revision() + 1) + ":" + recipient,
                    "mail/incidentStep",
                    model,
                    incident.reference());
        }
    }

    /** Triage, or a reclassification that named a new lead. */
    void leadAssigned(Incident incident) {
        if (incident.status() == be.bolwerk.incident.IncidentStatus.TRIAGED
                && incident.events().stream().anyMatch(e -> e instanceof be.bolwerk.incident.event.IncidentTriaged)) {
            stepTaken(incident);
        }
        UUID lead = incident.leadAnalyst().id();
        mail.send(
                lead,
                PersonalMail.Kind.ESSENTIAL,
                "incidentLead:" + incident.id() + ":" + (incident.revision() + 1) + ":" + lead,
                "mail/incidentLead",
                model(incident),
                incident.reference());
    }

    private Map<String, Object> model(Incident incident) {
        Map<String, Object> model = new HashMap<>();
        model.put("reference", incident.reference());
        model.put("status", "incident.status." + incident.status());
        model.put("severity", incident.severity() == null ? null : "incident.severity." + incident.severity());
        model.put("category", incident.category() == null ? null : "incident.category." + incident.category());
        model.put("tlp", incident.tlp().label());
        model.put("link", mail.link("/incidents/" + incident.id() + "/handling"));
        return model;
    }
}
