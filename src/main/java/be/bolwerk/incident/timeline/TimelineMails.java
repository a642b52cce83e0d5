package be.bolwerk.incident.timeline;

import be.bolwerk.identity.OrganisationMember;
import be.bolwerk.identity.OrganisationMembers;
import be.bolwerk.identity.PersonalMail;
import be.bolwerk.identity.ProgrammePeople;
import be.bolwerk.incident.Tlp;
import be.bolwerk.incident.handling.Incident;
import be.bolwerk.shared.security.OrganisationRole;
import be.bolwerk.shared.security.Persona;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The communication log's mails, queued in the entry's transaction, in Dutch like every mail: a message to the
 * organisation goes to its admins and the reporter; a message from it to the lead analyst, or to every CRT analyst
 * while there is none. Essential, not work mail: in a crisis the CRT's message must not be turned off. Each mail
 * carries the entry's TLP label; a TLP:RED entry never leaves Bolwerk in a mail, which then only says that there
 * is a new entry and links to it.
 */
@Component
class TimelineMails {

    private final PersonalMail mail;
    private final OrganisationMembers members;
    private final ProgrammePeople people;

    TimelineMails(PersonalMail mail, OrganisationMembers members, ProgrammePeople people) {
        this.mail = mail;
        this.members = members;
        this.people = people;
    }

    void sent(Incident incident, Entry entry) {
        if (entry.kind() == EntryKind.MESSAGE_TO_ORGANISATION) {
            Set<UUID> to = new LinkedHashSet<>();
            for (OrganisationMember member : members.active(incident.organisationId())) {
                if (member.role() == OrganisationRole.ORGANISATION_ADMIN) {
                    to.add(member.accountId());
                }
            }
            to.add(incident.reported().reporter().id());
            to.remove(entry.author().id());
            send(to, "mail/incidentMessageToOrganisation", incident, entry);
        } else if (entry.kind() == EntryKind.MESSAGE_FROM_ORGANISATION) {
            Set<UUID> to = new LinkedHashSet<>();
            if (incident.leadAnalyst() != null) {
                to.add(incident.leadAnalyst().id());
            } else {
                people.holding(Persona.CRT_ANALYST).forEach(h -> to.add(h.accountId()));
            }
            to.remove(entry.author().id());
            send(to, "mail/incidentMessageFromOrganisation", incident, entry);
        }
    }

    private void send(Set<UUID> to, String template, Incident incident, Entry entry) {
        Map<String, Object> model = new HashMap<>();
        model.put("reference", incident.reference());
        model.put("tlp", entry.tlp().label());
        model.put("author", entry.author().name());
        model.put("text", entry.tlp() == Tlp.RED ? null : entry.text());
        model.put("link", mail.link("/incidents/" + incident.id() + "/timeline#entry-" + entry.id()));
        for (UUID account : to) {
            mail.send(
                    account,
                    PersonalMail.Kind.ESSENTIAL,
                    template.substring("mail/".length()) + ":" + entry.id() + ":" + account,
                    template,
                    model,
                    incident.reference());
        }
    }
}
