package be.bolwerk.audit.ordering;

import be.bolwerk.funding.Money;
import be.bolwerk.identity.OrganisationMembers;
import be.bolwerk.identity.PersonalMail;
import be.bolwerk.identity.ProgrammePeople;
import be.bolwerk.shared.security.OrganisationRole;
import be.bolwerk.shared.security.Persona;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The mails of an order, each to the people its step concerns, in the language each chose, queued in the
 * outbox in the step's transaction: a new order to the programme officers; the decision and the date to the
 * admins of both organisations; the assignment to the firm's auditors; the report and the completion to the
 * admins and the programme officers; a hold, its resumption and a cancellation to the admins and the firm's
 * auditors (and a cancellation to the programme officers too, who may have to decide on a waiting order). They are essential mails: money and a visit by auditors are not news a
 * person may switch off. Each is queued once per step and person.
 */
@Component
class AuditMails {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd-MM-yyyy");

    private final PersonalMail mail;
    private final OrganisationMembers members;
    private final ProgrammePeople people;

    AuditMails(PersonalMail mail, OrganisationMembers members, ProgrammePeople people) {
        this.mail = mail;
        this.members = members;
        this.people = people;
    }

    void requested(AuditOrder order) {
        send(officers(), order, "mail/auditRequested", "requested", Map.of());
    }

    /** Approved, approved in part, wait-listed or refused: the step names which. */
    void decided(AuditOrder order, String step) {
        Map<String, Object> extra = new HashMap<>();
        extra.put("decision", step);
        extra.put("reserved", order.reserved() == null ? "" : Money.euro(order.reserved()));
        extra.put("reason", order.refusalReason() == null ? "" : order.refusalReason());
        send(admins(order), order, "mail/auditDecided", step, extra);
    }

    void assigned(AuditOrder order) {
        send(auditors(order), order, "mail/auditAssigned", "assigned:" + order.firm(), Map.of("firm", order.firm()));
    }

    void scheduled(AuditOrder order) {
        send(
                admins(order),
                order,
                "mail/auditScheduled",
                "scheduled:" + order.scheduledOn(),
                Map.of("date", DAY.format(order.scheduledOn()), "firm", order.firm()));
    }

    void reported(AuditOrder order) {
        send(both(order), order, "mail/auditReported", "reported", Map.of());
    }

    void completed(AuditOrder order) {
        send(
                both(order),
                order,
                "mail/auditCompleted",
                "completed",
                Map.of(
                        "invoice", order.invoice().number(),
                        "programmePaid", Money.euro(order.programmePaid()),
                        "organisationPaid", Money.euro(order.organisationPaid())));
    }

    /** Work stops until the programme office resumes it: the organisations and the firm must not plan on it. */
    void held(AuditOrder order, String reason) {
        send(concerned(order), order, "mail/auditHeld", "held:" + UUID.randomUUID(), Map.of("reason", reason.strip()));
    }

    void resumed(AuditOrder order) {
        send(
                concerned(order),
                order,
                "mail/auditResumed",
                "resumed:" + UUID.randomUUID(),
                Map.of("status", order.status().name()));
    }

    void cancelled(AuditOrder order, String reason) {
        Set<UUID> recipients = new LinkedHashSet<>(concerned(order));
        recipients.addAll(officers());
        send(
                new ArrayList<>(recipients),
                order,
                "mail/auditCancelled",
                "cancelled",
                Map.of("reason", reason == null || reason.isBlank() ? "" : reason.strip()));
    }

    /** Credit came back to a line on which this order waits first: the officers decide (ADR 0024). */
    void creditReturned(AuditOrder waiting, String released) {
        send(
                officers(),
                waiting,
                "mail/auditCreditReturned",
                "creditReturned:" + UUID.randomUUID(),
                Map.of("released", released));
    }

    private List<UUID> officers() {
        return people.holding(Persona.PROGRAMME_OFFICER).stream()
                .map(ProgrammePeople.Holder::accountId)
                .toList();
    }

    /** The active admins of the ordering organisation and of its partner. */
    private List<UUID> admins(AuditOrder order) {
        Set<UUID> result = new LinkedHashSet<>();
        for (UUID organisation : new UUID[] {order.organisationId(), order.partnerId()}) {
            if (organisation != null) {
                members.active(organisation).stream()
                        .filter(m -> m.role() == OrganisationRole.ORGANISATION_ADMIN)
                        .forEach(m -> result.add(m.accountId()));
            }
        }
        return new ArrayList<>(result);
    }

    /** The active auditors of the firm the order was given to; nobody before it was given to one. */
    private List<UUID> auditors(AuditOrder order) {
        if (order.firm() == null) {
            return List.of();
        }
        return people.holding(Persona.AUDITOR).stream()
                .filter(h -> order.firm().equals(h.affiliation()))
                .map(ProgrammePeople.Holder::accountId)
                .toList();
    }

    /** The admins of both organisations and the firm's auditors: those whose work a hold or cancellation stops. */
    private List<UUID> concerned(AuditOrder order) {
        Set<UUID> result = new LinkedHashSet<>(admins(order));
        result.addAll(auditors(order));
        return new ArrayList<>(result);
    }

    private List<UUID> both(AuditOrder order) {
        Set<UUID> result = new LinkedHashSet<>(admins(order));
        result.addAll(officers());
        return new ArrayList<>(result);
    }

    private void send(List<UUID> recipients, AuditOrder order, String template, String occasion, Map<String, ?> extra) {
        Map<String, Object> model = new HashMap<>(extra);
        model.put("reference", order.reference());
        model.put("kind", order.kind().name());
        model.put("organisation", order.request().organisationName());
        model.put(
                "partner",
                order.request().partnerName() == null ? "" : order.request().partnerName());
        model.put("link", mail.link("/audits/" + order.id()));
        for (UUID recipient : recipients) {
            mail.send(
                    recipient,
                    PersonalMail.Kind.ESSENTIAL,
                    template + ":" + order.id() + ":" + occasion + ":" + recipient,
                    template,
                    model,
                    order.reference());
        }
    }
}
