package be.bolwerk.engagement.work;

import be.bolwerk.engagement.EngagementProperties;
import be.bolwerk.identity.OrganisationMembers;
import be.bolwerk.identity.PersonalMail;
import be.bolwerk.identity.ProgrammePeople;
import be.bolwerk.notification.Mailer;
import be.bolwerk.shared.security.OrganisationRole;
import be.bolwerk.shared.security.Persona;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The engagement's mails, one per step to the people it concerns, queued in the step's transaction: the
 * organisation's admins when a signature is asked for (again), the college's supervisors once it is signed,
 * students when assigned or when a finding comes back, the admins when the testing starts and when a finding is
 * accepted, the supervisors when a finding waits for review, the admins when the supervisor reports (they read
 * and close), the supervisors and students when the organisation closes, the admins and supervisors when the
 * evidence deletion date changes and when the evidence is deleted, and on a stop the admins, the supervisors,
 * the assigned students (who must stop too), the CRT analysts and the CRT mailbox. Essential mails: none of these is news a person
 * may switch off. Each goes in the language the person chose; the CRT mailbox gets Dutch.
 */
@Component
class EngagementMails {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd-MM-yyyy");

    private final PersonalMail mail;
    private final Mailer mailer;
    private final OrganisationMembers members;
    private final ProgrammePeople people;
    private final EngagementProperties properties;
    private final EngagementStore store;

    EngagementMails(
            PersonalMail mail,
            Mailer mailer,
            OrganisationMembers members,
            ProgrammePeople people,
            EngagementProperties properties,
            EngagementStore store) {
        this.mail = mail;
        this.mailer = mailer;
        this.members = members;
        this.people = people;
        this.properties = properties;
        this.store = store;
    }

    void signatureRequested(Engagement e) {
        send(admins(e), "mail/engagementSignatureRequested", model(e), e.title());
    }

    void signatureVoided(Engagement e) {
        send(admins(e), "mail/engagementSignatureVoided", model(e), e.title());
    }

    void signed(Engagement e) {
        Map<String, Object> model = model(e);
        model.put("signer", e.signature().signerName());
        model.put("hash", e.signature().sha256());
        send(supervisors(e), "mail/engagementSigned", model, e.title());
    }

    void assigned(Engagement e, Collection<UUID> students) {
        send(students, "mail/engagementAssigned", model(e), e.title());
    }

    /** The organisation knows the testers are at work, so their traffic is not taken for an attack. */
    void started(Engagement e) {
        send(admins(e), "mail/engagementStarted", model(e), e.title());
    }

    void findingSubmitted(Engagement e, Finding finding) {
        Map<String, Object> model = model(e);
        model.put("finding", finding.title());
        model.put("student", finding.reportedByName());
        send(supervisors(e), "mail/engagementFindingSubmitted", model, finding.title());
    }

    void findingSentBack(Engagement e, Finding finding) {
        Map<String, Object> model = model(e);
        model.put("finding", finding.title());
        model.put("remark", finding.remark());
        send(List.of(finding.reportedBy()), "mail/engagementFindingSentBack", model, finding.title());
    }

    void findingAccepted(Engagement e, Finding finding) {
        Map<String, Object> model = model(e);
        model.put("finding", finding.title());
        send(admins(e), "mail/engagementFindingAccepted", model, e.title());
    }

    /** The testing is over: the organisation reads the accepted findings and closes the engagement. */
    void reported(Engagement e, int accepted) {
        Map<String, Object> model = model(e);
        model.put("accepted", accepted);
        send(admins(e), "mail/engagementReported", model, e.title());
    }

    /** The organisation closed it: those who tested know their evidence goes on the date the mail names. */
    void closed(Engagement e) {
        Map<String, Object> model = model(e);
        model.put("date", DAY.format(e.evidenceDeleteOn()));
        Set<UUID> recipients = new LinkedHashSet<>(supervisors(e));
        recipients.addAll(students(e));
        send(recipients, "mail/engagementClosed", model, e.title());
    }

    /** The admins and the supervisors may both set the date: each hears of the other's change. */
    void evidenceDeletionDateSet(Engagement e) {
        Map<String, Object> model = model(e);
        model.put("date", DAY.format(e.evidenceDeleteOn()));
        send(adminsAndSupervisors(e), "mail/engagementEvidenceDate", model, e.title());
    }

    void evidenceDeleted(Engagement e, int files) {
        Map<String, Object> model = model(e);
        model.put("files", files);
        send(adminsAndSupervisors(e), "mail/engagementEvidenceDeleted", model, e.title());
    }

    /** Everyone who must act on a compromise at once; the CRT mailbox too, when one is configured. */
    void stopped(Engagement e, String description, String stoppedBy) {
        Map<String, Object> model = model(e);
        model.put("description", description);
        model.put("stoppedBy", stoppedBy);
        Set<UUID> recipients = new LinkedHashSet<>(adminsAndSupervisors(e));
        recipients.addAll(students(e));
        people.holding(Persona.CRT_ANALYST).forEach(h -> recipients.add(h.accountId()));
        send(recipients, "mail/engagementStopped", model, e.organisationName());
        if (properties.crtAddress() != null) {
            mailer.send(
                    properties.crtAddress(),
                    Mailer.DEFAULT_LANGUAGE,
                    "mail/engagementStopped",
                    model,
                    e.organisationName());
        }
    }

    private List<UUID> admins(Engagement e) {
        return members.active(e.organisationId()).stream()
                .filter(m -> m.role() == OrganisationRole.ORGANISATION_ADMIN)
                .map(m -> m.accountId())
                .toList();
    }

    private List<UUID> supervisors(Engagement e) {
        return people.holding(Persona.HACKING_SUPERVISOR).stream()
                .filter(h -> e.college().equals(h.affiliation()))
                .map(ProgrammePeople.Holder::accountId)
                .toList();
    }

    private Set<UUID> adminsAndSupervisors(Engagement e) {
        Set<UUID> recipients = new LinkedHashSet<>(admins(e));
        recipients.addAll(supervisors(e));
        return recipients;
    }

    private List<UUID> students(Engagement e) {
        return store.students(e.id()).stream()
                .map(EngagementStore.Student::accountId)
                .toList();
    }

    private Map<String, Object> model(Engagement e) {
        Map<String, Object> model = new HashMap<>();
        model.put("organisation", e.organisationName());
        model.put("title", e.title());
        model.put("college", e.college());
        model.put("link", mail.link("/engagements/" + e.id()));
        return model;
    }

    private void send(Collection<UUID> accounts, String template, Map<String, Object> model, Object subject) {
        for (UUID account : accounts) {
            // Each step is its own occasion: whether one is due the engagement's state decides, not this key.
            mail.send(
                    account, PersonalMail.Kind.ESSENTIAL, template + ":" + UUID.randomUUID(), template, model, subject);
        }
    }
}
