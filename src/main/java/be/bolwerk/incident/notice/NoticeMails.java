package be.bolwerk.incident.notice;

import be.bolwerk.identity.OrganisationMember;
import be.bolwerk.identity.OrganisationMembers;
import be.bolwerk.identity.PersonalMail;
import be.bolwerk.incident.handling.Incident;
import be.bolwerk.shared.security.OrganisationRole;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The drafts' mail: when a notification was submitted, the organisation's admins and the incident's lead analyst
 * hear to whom and when, except the one who recorded it. Once per draft and person (a draft is submitted once).
 */
@Component
class NoticeMails {

    private static final DateTimeFormatter SHOWN =
            DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm").withZone(be.bolwerk.shared.BelgianTime.ZONE);

    private final PersonalMail mail;
    private final OrganisationMembers members;

    NoticeMails(PersonalMail mail, OrganisationMembers members) {
        this.mail = mail;
        this.members = members;
    }

    void submitted(Incident incident, Notice notice, String recipientName, UUID by) {
        Notice.Snapshot snapshot = notice.snapshot().orElseThrow();
        Map<String, Object> model = Map.of(
                "reference", incident.reference(),
                "recipient", recipientName,
                "submittedAt", SHOWN.format(snapshot.submittedAt()),
                "channel", snapshot.channel(),
                "sha256", snapshot.sha256(),
                "link", mail.link("/incidents/" + incident.id().value() + "/notices/" + notice.id()));
        Set<UUID> to = new LinkedHashSet<>();
        for (OrganisationMember member : members.active(incident.organisationId())) {
            if (member.role() == OrganisationRole.ORGANISATION_ADMIN) {
                to.add(member.accountId());
            }
        }
        if (incident.leadAnalyst() != null) {
            to.add(incident.leadAnalyst().id());
        }
        to.remove(by);
        for (UUID account : to) {
            mail.send(
                    account,
                    PersonalMail.Kind.WORK,
                    "incidentNotice:submitted:" + notice.id() + ":" + account,
                    "mail/incidentNoticeSubmitted",
                    model,
                    incident.reference());
        }
    }
}
