package be.bolwerk.incident.support;

import be.bolwerk.funding.Money;
import be.bolwerk.identity.OrganisationMember;
import be.bolwerk.identity.OrganisationMembers;
import be.bolwerk.identity.PersonalMail;
import be.bolwerk.identity.ProgrammePeople;
import be.bolwerk.shared.security.OrganisationRole;
import be.bolwerk.shared.security.Persona;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Who hears of each step of an emergency-support request, in the step's transaction: the CRT of a new request or
 * a withdrawal, the programme office and the organisation's admins of the CRT's advice, the organisation's admins
 * of the programme's decision and the payment, the admins and the CRT of a cancelled approval. Decisions about money
 * are essential mails (never turned off).
 */
@Component
class SupportMails {

    private final PersonalMail mail;
    private final OrganisationMembers members;
    private final ProgrammePeople people;

    SupportMails(PersonalMail mail, OrganisationMembers members, ProgrammePeople people) {
        this.mail = mail;
        this.members = members;
        this.people = people;
    }

    void requested(EmergencySupport s, String organisationName) {
        Map<String, Object> model = model(s, organisationName, incidentLink(s));
        for (ProgrammePeople.Holder analyst : people.holding(Persona.CRT_ANALYST)) {
            send(analyst.accountId(), PersonalMail.Kind.WORK, "requested", s, "mail/supportRequested", model);
        }
    }

    void advised(EmergencySupport s, String organisationName) {
        Map<String, Object> programme = model(s, organisationName, mail.link("/emergency-support/" + s.id()));
        for (ProgrammePeople.Holder officer : people.holding(Persona.PROGRAMME_OFFICER)) {
            send(officer.accountId(), PersonalMail.Kind.WORK, "advised", s, "mail/supportAdvised", programme);
        }
        Map<String, Object> organisation = model(s, organisationName, incidentLink(s));
        admins(s, PersonalMail.Kind.WORK, "advised", "mail/supportAdvised", organisation);
    }

    void decided(EmergencySupport s, String organisationName) {
        admins(
                s,
                PersonalMail.Kind.ESSENTIAL,
                "decided",
                "mail/supportDecided",
                model(s, organisationName, incidentLink(s)));
    }

    void paid(EmergencySupport s, String organisationName) {
        admins(s, PersonalMail.Kind.ESSENTIAL, "paid", "mail/supportPaid", model(s, organisationName, incidentLink(s)));
    }

    void cancelled(EmergencySupport s, String organisationName) {
        Map<String, Object> model = model(s, organisationName, incidentLink(s));
        admins(s, PersonalMail.Kind.ESSENTIAL, "cancelled", "mail/supportCancelled", model);
        for (ProgrammePeople.Holder analyst : people.holding(Persona.CRT_ANALYST)) {
            send(analyst.accountId(), PersonalMail.Kind.WORK, "cancelled", s, "mail/supportCancelled", model);
        }
    }

    void withdrawn(EmergencySupport s, String organisationName) {
        Map<String, Object> model = model(s, organisationName, incidentLink(s));
        for (ProgrammePeople.Holder analyst : people.holding(Persona.CRT_ANALYST)) {
            send(analyst.accountId(), PersonalMail.Kind.WORK, "withdrawn", s, "mail/supportWithdrawn", model);
        }
    }

    private void admins(
            EmergencySupport s, PersonalMail.Kind kind, String step, String template, Map<String, Object> model) {
        for (OrganisationMember admin : members.active(s.organisationId())) {
            if (admin.role() == OrganisationRole.ORGANISATION_ADMIN) {
                send(admin.accountId(), kind, step, s, template, model);
            }
        }
    }

    private void send(
            UUID account,
            PersonalMail.Kind kind,
            String step,
            EmergencySupport s,
            String template,
            Map<String, Object> model) {
        mail.send(account, kind, "support:" + step + ":" + s.id() + ":" + account, template, model, s.reference());
    }

    private String incidentLink(EmergencySupport s) {
        return mail.link("/incidents/" + s.incidentId() + "/support");
    }

    private static Map<String, Object> model(EmergencySupport s, String organisationName, String link) {
        Map<String, Object> model = new HashMap<>();
        model.put("reference", s.reference());
        model.put("incident", s.incidentReference());
        model.put("organisation", organisationName);
        model.put("purpose", s.request().purpose());
        model.put("amount", Money.euro(s.request().amount()));
        model.put("recommended", s.recommendedAmount() == null ? null : Money.euro(s.recommendedAmount()));
        model.put("status", "incident.support.status." + s.status());
        model.put("reason", s.decisionReason());
        model.put("cancelReason", s.cancelReason());
        model.put("programme", s.programmePaid() == null ? null : Money.euro(s.programmePaid()));
        model.put("organisationPart", s.organisationPaid() == null ? null : Money.euro(s.organisationPaid()));
        model.put("link", link);
        return model;
    }
}
