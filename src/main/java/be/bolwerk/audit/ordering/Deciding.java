package be.bolwerk.audit.ordering;

import be.bolwerk.audit.AuditKind;
import be.bolwerk.audit.AuditOrderId;
import be.bolwerk.audit.AuditOrderNotFound;
import be.bolwerk.funding.CommitmentId;
import be.bolwerk.funding.Funding;
import be.bolwerk.funding.Money;
import be.bolwerk.funding.Reservation;
import be.bolwerk.identity.ProgrammePeople;
import be.bolwerk.shared.Refusal;
import be.bolwerk.shared.security.CurrentUser;
import be.bolwerk.shared.security.Persona;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The programme office decides on orders and steers them: approve (reserving credit on the order's line),
 * approve a supplementary audit in part (the remaining credit, capped), put it on the wait-list, refuse with a
 * reason, assign an audit firm, hold and resume. Cancelling is open to the officers and to the admins of the
 * ordering organisations; it gives the reserved credit back, and when a supplementary audit waits on that line,
 * the officers are told so and decide: a waiting order is never approved by itself (ADR 0024). Wait-listed
 * orders are served first come, first served: approving a supplementary audit while an older one waits on the
 * same line is refused.
 */
@Service
public class Deciding {

    public static final String CREDIT_SHORT = "auditOrder.credit.short";
    public static final String NO_CREDIT_LEFT = "auditOrder.credit.none";
    public static final String NOT_FIRST = "auditOrder.waitList.notFirst";
    public static final String FIRM_UNKNOWN = "auditOrder.firm.unknown";

    private final OrderSteps steps;
    private final AuditOrderStore store;
    private final Funding funding;
    private final ProgrammePeople people;
    private final AuditMails mails;
    private final Clock clock;

    Deciding(
            OrderSteps steps,
            AuditOrderStore store,
            Funding funding,
            ProgrammePeople people,
            AuditMails mails,
            Clock clock) {
        this.steps = steps;
        this.store = store;
        this.funding = funding;
        this.people = people;
        this.mails = mails;
        this.clock = clock;
    }

    /**
     * Approves in full: the programme's expected share is reserved. A supplementary audit the remaining credit
     * does not cover is refused with what is left, so the officer can choose partial co-financing, the wait-list
     * or a refusal; a basic audit the line cannot cover is refused by the funding module.
     */
    @Transactional
    @PreAuthorize("hasRole('PROGRAMME_OFFICER')")
    public void approve(AuditOrderId id, CurrentUser officer) {
        Viewer viewer = steps.viewer(officer);
        AuditOrder order = steps.load(id, viewer);
        order.requireDecidable();
        BigDecimal amount = order.expected().programme();
        if (order.kind() == AuditKind.SUPPLEMENTARY) {
            firstInLine(order);
            BigDecimal remaining = funding.remaining(order.request().line());
            if (remaining.compareTo(amount) < 0) {
                throw Refusal.conflict(CREDIT_SHORT, Money.euro(remaining), Money.euro(amount));
            }
        }
        CommitmentId commitment = funding.reserve(order.request().line(), reservation(order, amount, false, officer));
        order.approve(commitment, amount, false, viewer.actor(), clock.instant());
        steps.save(order);
        mails.decided(order, "APPROVED");
    }

    /** Partial co-financing of a supplementary audit: what the line has left, at most the expected share. */
    @Transactional
    @PreAuthorize("hasRole('PROGRAMME_OFFICER')")
    public void approvePartially(AuditOrderId id, CurrentUser officer) {
        Viewer viewer = steps.viewer(officer);
        AuditOrder order = steps.load(id, viewer);
        order.requireDecidable();
        if (order.kind() != AuditKind.SUPPLEMENTARY) {
            throw Refusal.conflict(AuditOrder.RULE_PARTIAL);
        }
        firstInLine(order);
        BigDecimal amount =
                funding.remaining(order.request().line()).min(order.expected().programme());
        if (amount.signum() <= 0) {
            throw Refusal.conflict(NO_CREDIT_LEFT);
        }
        CommitmentId commitment = funding.reserve(order.request().line(), reservation(order, amount, true, officer));
        order.approve(commitment, amount, true, viewer.actor(), clock.instant());
        steps.save(order);
        mails.decided(order, "APPROVED_PARTIAL");
    }

    @Transactional
    @PreAuthorize("hasRole('PROGRAMME_OFFICER')")
    public void waitList(AuditOrderId id, CurrentUser officer) {
        Viewer viewer = steps.viewer(officer);
        AuditOrder order = steps.load(id, viewer);
        order.waitList(viewer.actor(), clock.instant());
        steps.save(order);
        mails.decided(order, "WAIT_LISTED");
    }

    @Transactional
    @PreAuthorize("hasRole('PROGRAMME_OFFICER')")
    public void refuse(AuditOrderId id, String reason, CurrentUser officer) {
        Viewer viewer = steps.viewer(officer);
        AuditOrder order = steps.load(id, viewer);
        order.refuse(reason, viewer.actor(), clock.instant());
        steps.save(order);
        mails.decided(order, "REFUSED");
    }

    /** The firms with auditors in Bolwerk, by name: the ones an audit can be given to. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('PROGRAMME_OFFICER')")
    public List<String> firms() {
        return people.holding(Persona.AUDITOR).stream()
                .map(ProgrammePeople.Holder::affiliation)
                .filter(Objects::nonNull)
                .distinct()
                .sorted(String.CASE_INSENSITIVE_ORDER)
                .toList();
    }

    @Transactional
    @PreAuthorize("hasRole('PROGRAMME_OFFICER')")
    public void assign(AuditOrderId id, String firm, CurrentUser officer) {
        Viewer viewer = steps.viewer(officer);
        AuditOrder order = steps.load(id, viewer);
        if (firm == null || !firms().contains(firm.strip())) {
            throw Refusal.invalid(FIRM_UNKNOWN);
        }
        order.assign(firm.strip(), viewer.actor(), clock.instant());
        steps.save(order);
        mails.assigned(order);
    }

    @Transactional
    @PreAuthorize("hasRole('PROGRAMME_OFFICER')")
    public void hold(AuditOrderId id, String reason, CurrentUser officer) {
        Viewer viewer = steps.viewer(officer);
        AuditOrder order = steps.load(id, viewer);
        order.hold(reason, viewer.actor(), clock.instant());
        steps.save(order);
        mails.held(order, reason);
    }

    @Transactional
    @PreAuthorize("hasRole('PROGRAMME_OFFICER')")
    public void resume(AuditOrderId id, CurrentUser officer) {
        Viewer viewer = steps.viewer(officer);
        AuditOrder order = steps.load(id, viewer);
        order.resume(viewer.actor(), clock.instant());
        steps.save(order);
        mails.resumed(order);
    }

    /**
     * Cancels an order that has not started; by a programme officer or an admin of the ordering organisations
     * (anyone else who may see it, such as the auditor, is refused as if it were not there). The reserved credit
     * returns to the line; the order waiting first on that line is put before the officers.
     */
    @Transactional
    public void cancel(AuditOrderId id, String reason, CurrentUser user) {
        Viewer viewer = steps.viewer(user);
        AuditOrder order = steps.load(id, viewer);
        if (!viewer.programme() && !viewer.adminOf(order)) {
            throw new AuditOrderNotFound();
        }
        order.requireCancellable();
        BigDecimal released = BigDecimal.ZERO.setScale(2);
        if (order.commitment() != null) {
            funding.release(order.commitment());
            released = order.reserved();
        }
        order.cancel(reason, released, viewer.actor(), clock.instant());
        steps.save(order);
        mails.cancelled(order, reason);
        if (released.signum() > 0) {
            String amount = Money.euro(released);
            store.firstWaiting(order.request().line(), order.id()).ifPresent(w -> mails.creditReturned(w, amount));
        }
    }

    /** First come, first served: an older wait-listed order on the same line goes first. */
    private void firstInLine(AuditOrder order) {
        Optional<AuditOrder> first = store.firstWaiting(order.request().line(), order.id());
        if (first.isPresent()
                && (order.waitListedAt() == null || first.get().waitListedAt().isBefore(order.waitListedAt()))) {
            throw Refusal.conflict(NOT_FIRST, first.get().reference());
        }
    }

    private static Reservation reservation(AuditOrder order, BigDecimal amount, boolean capped, CurrentUser officer) {
        return new Reservation(
                order.reference() + " " + order.request().organisationName(),
                order.organisationId(),
                amount,
                capped,
                officer.id());
    }
}
