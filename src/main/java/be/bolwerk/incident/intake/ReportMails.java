package be.bolwerk.incident.intake;

import be.bolwerk.identity.OrganisationMember;
import be.bolwerk.identity.OrganisationMembers;
import be.bolwerk.identity.PersonalMail;
import be.bolwerk.incident.Answer;
import be.bolwerk.incident.ReportChannel;
import be.bolwerk.incident.handling.Incident;
import be.bolwerk.incident.handling.Report;
import be.bolwerk.notification.Mailer;
import be.bolwerk.shared.BelgianTime;
import be.bolwerk.shared.security.OrganisationRole;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The mails of a new report, queued in its transaction (ADR 0036): the acknowledgement with the reference to the
 * reporter (to the organisation's admins when the CRT took the report by phone, since the caller may have no
 * account), a notice to the organisation's admins, and an alert to the CRT's on-call mailbox when the report is
 * severe. Essential mails: nobody can turn them off. They carry the reference and the facts that decide urgency,
 * never what happened (that stays behind the sign-in, TLP:AMBER).
 */
@Component
class ReportMails {

    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm");

    private final PersonalMail mail;
    private final Mailer mailer;
    private final OrganisationMembers members;
    private final IncidentProperties properties;

    ReportMails(PersonalMail mail, Mailer mailer, OrganisationMembers members, IncidentProperties properties) {
        this.mail = mail;
        this.mailer = mailer;
        this.members = members;
        this.properties = properties;
    }

    /** Severe: still going on, ransomware, or citizens affected; the on-call analyst must hear of it at once. */
    static boolean severe(Report report) {
        return report.ongoing() == Answer.YES || report.ransomware() || report.citizensAffected() == Answer.YES;
    }

    void reported(Incident incident, String organisationName) {
        Map<String, Object> model = model(incident, organisationName);
        boolean byPhone = incident.reported().channel() == ReportChannel.PHONE;
        if (!byPhone) {
            mail.send(
                    incident.reported().reporter().id(),
                    PersonalMail.Kind.ESSENTIAL,
                    "incidentAcknowledged:" + incident.id(),
                    "mail/incidentAcknowledged",
                    model,
                    incident.reference());
        }
        for (OrganisationMember member : members.active(incident.organisationId())) {
            boolean reporter = !byPhone
                    && member.accountId().equals(incident.reported().reporter().id());
            if (member.role() == OrganisationRole.ORGANISATION_ADMIN && !reporter) {
                mail.send(
                        member.accountId(),
                        PersonalMail.Kind.ESSENTIAL,
                        "incidentReported:" + incident.id() + ":" + member.accountId(),
                        "mail/incidentReported",
                        model,
                        incident.reference());
            }
        }
        if (severe(incident.report())) {
            mailer.sendOnce(
                    "incidentOnCall:" + incident.id(),
                    properties.onCallAddress(),
                    Mailer.DEFAULT_LANGUAGE,
                    "mail/incidentOnCall",
                    model,
                    incident.reference(),
                    organisationName);
        }
    }

    private Map<String, Object> model(Incident incident, String organisationName) {
        Report report = incident.report();
        Map<String, Object> model = new HashMap<>();
        model.put("reference", incident.reference());
        model.put("organisation", organisationName);
        model.put("reporter", incident.reported().reporter().name());
        model.put("byPhone", incident.reported().channel() == ReportChannel.PHONE);
        model.put("reportedAt", MOMENT.format(incident.reported().reportedAt().atZone(BelgianTime.ZONE)));
        model.put("ongoing", "incident.answer." + report.ongoing());
        model.put("ransomwareAnswer", "incident.answer." + (report.ransomware() ? Answer.YES : Answer.NO));
        model.put("citizens", "incident.answer." + report.citizensAffected());
        model.put("personalData", "incident.answer." + report.personalData());
        model.put("callback", report.callbackPhone());
        model.put("hotline", properties.hotline());
        model.put("link", mailer.link("/incidents/" + incident.id()));
        return model;
    }
}
