package be.bolwerk.findings.acceptance;

import be.bolwerk.identity.OrganisationMember;
import be.bolwerk.identity.OrganisationMembers;
import be.bolwerk.identity.PersonalMail;
import be.bolwerk.shared.security.OrganisationRole;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The mails of a risk acceptance, queued in the step's transaction, each once per occasion: the organisation's
 * admins other than the proposer when it is proposed ("to approve"), the proposer when it is decided, and its owner
 * 30 days before it expires (once, however often the daily job runs).
 */
@Component
class AcceptanceMails {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd-MM-yyyy");

    private final PersonalMail mail;
    private final OrganisationMembers members;

    AcceptanceMails(PersonalMail mail, OrganisationMembers members) {
        this.mail = mail;
        this.members = members;
    }

    void proposed(RiskAcceptance a) {
        Map<String, Object> model = model(a);
        model.put("proposer", a.proposedByName());
        for (OrganisationMember admin : members.active(a.organisationId())) {
            if (admin.role() == OrganisationRole.ORGANISATION_ADMIN && !a.proposedBy(admin.accountId())) {
                mail.send(
                        admin.accountId(),
                        PersonalMail.Kind.WORK,
                        "riskAcceptanceProposed:" + a.id() + ":" + admin.accountId(),
                        "mail/riskAcceptanceProposed",
                        model,
                        a.title());
            }
        }
    }

    void decided(RiskAcceptance a) {
        Map<String, Object> model = model(a);
        model.put("approved", a.status() == AcceptanceStatus.ACTIVE);
        model.put("reason", a.statusReason());
        mail.send(
                a.proposedBy(),
                PersonalMail.Kind.WORK,
                "riskAcceptanceDecided:" + a.id(),
                "mail/riskAcceptanceDecided",
                model,
                a.title());
    }

    void expiring(RiskAcceptance a) {
        mail.send(
                a.terms().ownerId(),
                PersonalMail.Kind.WORK,
                "riskAcceptanceExpiring:" + a.id() + ":" + a.expiresOn(),
                "mail/riskAcceptanceExpiring",
                model(a),
                a.title());
    }

    private Map<String, Object> model(RiskAcceptance a) {
        Map<String, Object> model = new HashMap<>();
        model.put("title", a.title());
        model.put("findings", a.findings().size());
        model.put("expires", DAY.format(a.expiresOn()));
        model.put("link", mail.link("/findings/risk-acceptances/" + a.id()));
        return model;
    }
}
