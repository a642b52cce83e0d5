package be.bolwerk.incident.obligation;

import be.bolwerk.identity.OrganisationMember;
import be.bolwerk.identity.OrganisationMembers;
import be.bolwerk.identity.PersonalMail;
import be.bolwerk.incident.handling.Incident;
import be.bolwerk.shared.security.OrganisationRole;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The obligations' mails, to the organisation's admins and the incident's lead analyst (when there is one): when a
 * legal clock starts, and the reminders at 50 % and 90 % of its window and once overdue (essential mails: a missed
 * legal deadline is not news a preference may hide), and when an obligation was recorded (a work mail, to the others
 * concerned). Each goes once per obligation, occasion and due moment.
 */
@Component
class ObligationMails {

    private static final DateTimeFormatter SHOWN =
            DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm").withZone(be.bolwerk.shared.BelgianTime.ZONE);

    private final PersonalMail mail;
    private final OrganisationMembers members;

    ObligationMails(PersonalMail mail, OrganisationMembers members) {
        this.mail = mail;
        this.members = members;
    }

    void started(Incident incident, Obligation obligation) {
        if (obligation.dueAt() == null) {
            return;
        }
        send(incident, obligation, "started", "mail/incidentObligationStarted");
    }

    /** An obligation was recorded (submitted, late, not applicable): the others concerned hear of it. */
    void recorded(Incident incident, Obligation obligation, UUID by) {
        Map<String, Object> extra = Map.of("state", "incident.obligation.state." + obligation.state());
        Map<String, Object> model = model(incident, obligation, extra);
        for (UUID account : recipients(incident)) {
            if (!account.equals(by)) {
                mail.send(
                        account,
                        PersonalMail.Kind.WORK,
                        "incidentObligation:recorded:" + obligation.id() + ":" + account,
                        "mail/incidentObligationRecorded",
                        model,
                        incident.reference());
            }
        }
    }

    void reminder(Incident incident, Obligation obligation, ObligationStore.Reminder reminder) {
        Map<String, Object> extra = Map.of("moment", "mail.incidentObligationReminder." + reminder.name());
        send(incident, obligation, reminder.name(), "mail/incidentObligationReminder", extra);
    }

    private void send(Incident incident, Obligation obligation, String occasion, String template) {
        send(incident, obligation, occasion, template, Map.of());
    }

    private void send(
            Incident incident, Obligation obligation, String occasion, String template, Map<String, Object> extra) {
        Map<String, Object> model = model(incident, obligation, extra);
        for (UUID account : recipients(incident)) {
            mail.send(
                    account,
                    PersonalMail.Kind.ESSENTIAL,
                    "incidentObligation:" + occasion + ":" + obligation.id() + ":" + obligation.dueAt() + ":" + account,
                    template,
                    model,
                    incident.reference());
        }
    }

    private Map<String, Object> model(Incident incident, Obligation obligation, Map<String, Object> extra) {
        Map<String, Object> model = new HashMap<>(extra);
        model.put("reference", incident.reference());
        model.put("kind", "incident.obligation.kind." + obligation.kind());
        model.put("recipient", "incident.obligation.recipient." + obligation.recipient());
        model.put("due", obligation.dueAt() == null ? "" : SHOWN.format(obligation.dueAt()));
        model.put("link", mail.link("/incidents/" + incident.id().value() + "/obligations"));
        return model;
    }

    private Set<UUID> recipients(Incident incident) {
        Set<UUID> accounts = new LinkedHashSet<>();
        for (OrganisationMember member : members.active(incident.organisationId())) {
            if (member.role() == OrganisationRole.ORGANISATION_ADMIN) {
                accounts.add(member.accountId());
            }
        }
        if (incident.leadAnalyst() != null) {
            accounts.add(incident.leadAnalyst().id());
        }
        return accounts;
    }
}
