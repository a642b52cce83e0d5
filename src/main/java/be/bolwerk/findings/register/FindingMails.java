package be.bolwerk.findings.register;

import be.bolwerk.identity.OrganisationMember;
import be.bolwerk.identity.OrganisationMembers;
import be.bolwerk.identity.PersonalMail;
import be.bolwerk.shared.security.OrganisationRole;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The register's mails, queued in the step's transaction: the owner when a finding is given to them, and the
 * organisation's admins when a finding arrives from an audit or an engagement (work they did not write themselves).
 * Work mails: the register shows the same, so a person may turn them off. Each goes once per occasion.
 */
@Component
class FindingMails {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd-MM-yyyy");

    private final PersonalMail mail;
    private final OrganisationMembers members;

    FindingMails(PersonalMail mail, OrganisationMembers members) {
        this.mail = mail;
        this.members = members;
    }

    void assigned(Finding finding) {
        Map<String, Object> model = model(finding);
        model.put("owner", finding.ownerName());
        mail.send(
                finding.ownerId(),
                PersonalMail.Kind.WORK,
                "findingAssigned:" + finding.id() + ":" + finding.ownerId() + ":" + finding.revision(),
                "mail/findingAssigned",
                model,
                finding.title());
    }

    void arrived(Finding finding, String sourceLabelKey) {
        Map<String, Object> model = model(finding);
        model.put("sourceKey", sourceLabelKey);
        for (OrganisationMember admin : members.active(finding.organisationId())) {
            if (admin.role() == OrganisationRole.ORGANISATION_ADMIN) {
                mail.send(
                        admin.accountId(),
                        PersonalMail.Kind.WORK,
                        "findingArrived:" + finding.id() + ":" + admin.accountId(),
                        "mail/findingArrived",
                        model,
                        finding.title());
            }
        }
    }

    private Map<String, Object> model(Finding finding) {
        Map<String, Object> model = new HashMap<>();
        model.put("title", finding.title());
        model.put("severity", "finding.severity." + finding.severity());
        model.put("due", finding.dueDate() == null ? null : DAY.format(finding.dueDate()));
        model.put("link", mail.link("/findings/" + finding.id()));
        return model;
    }
}
