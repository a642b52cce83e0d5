package be.bolwerk.incident.review;

import be.bolwerk.identity.OrganisationMember;
import be.bolwerk.identity.OrganisationMembers;
import be.bolwerk.identity.PersonalMail;
import be.bolwerk.incident.handling.Incident;
import be.bolwerk.shared.security.OrganisationRole;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Tells the organisation's admins that the CRT wrote down a lesson from their incident, so they can take it into
 * their improvement plan. A work mail (the lessons page shows the same), once per lesson and admin.
 */
@Component
class ReviewMails {

    private final PersonalMail mail;
    private final OrganisationMembers members;

    ReviewMails(PersonalMail mail, OrganisationMembers members) {
        this.mail = mail;
        this.members = members;
    }

    void lessonRecorded(Incident incident, java.util.UUID lessonId, String title) {
        Map<String, Object> model = new HashMap<>();
        model.put("reference", incident.reference());
        model.put("title", title);
        model.put("link", mail.link("/incidents/" + incident.id() + "/lessons"));
        for (OrganisationMember admin : members.active(incident.organisationId())) {
            if (admin.role() == OrganisationRole.ORGANISATION_ADMIN) {
                mail.send(
                        admin.accountId(),
                        PersonalMail.Kind.WORK,
                        "incidentLesson:" + lessonId + ":" + admin.accountId(),
                        "mail/incidentLesson",
                        model,
                        incident.reference());
            }
        }
    }
}
