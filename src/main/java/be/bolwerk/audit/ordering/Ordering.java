package be.bolwerk.audit.ordering;

import be.bolwerk.audit.AuditKind;
import be.bolwerk.audit.AuditOrderId;
import be.bolwerk.audit.AuditOrderNotFound;
import be.bolwerk.funding.BudgetLineSummary;
import be.bolwerk.funding.BudgetPurpose;
import be.bolwerk.funding.Funding;
import be.bolwerk.organisation.OrganisationDirectory;
import be.bolwerk.organisation.OrganisationId;
import be.bolwerk.organisation.OrganisationProfile;
import be.bolwerk.organisation.OrganisationType;
import be.bolwerk.shared.BelgianTime;
import be.bolwerk.shared.Refusal;
import be.bolwerk.shared.security.CurrentUser;
import be.bolwerk.shared.security.OrganisationRole;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An organisation admin orders an audit: first a preview with the quote and both shares worked out exactly as
 * they will be booked, then the order itself, which the programme officers are told of. A supplementary audit
 * needs a completed basic audit; a joint order is one of a municipality and its OCMW, placed by someone who
 * administers both. The budget line is the one valid today for the kind of audit (basic or supplementary).
 */
@Service
public class Ordering {

    public static final String NO_BASIC = "auditOrder.supplementary.noBasic";
    public static final String PARTNER_INVALID = "auditOrder.partner.invalid";
    public static final String COACHING_BASIC_ONLY = "auditOrder.coaching.basicOnly";
    public static final String NO_LINE = "auditOrder.line.none";

    /** What the admin asks for; {@code partnerId} null without a partner. */
    public record Request(
            UUID organisationId,
            UUID partnerId,
            AuditKind kind,
            boolean coachingDay,
            BigDecimal quoteExcludingVat,
            BigDecimal quoteVat) {}

    /** What the order will cost whom, before it is sent. */
    public record Preview(
            String organisation,
            String partner,
            AuditKind kind,
            boolean coachingDay,
            String line,
            boolean sharesIncludeVat,
            Quote quote,
            Quote.Parts parts) {}

    private final AuditOrderStore store;
    private final OrganisationDirectory organisations;
    private final Funding funding;
    private final AuditMails mails;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Ordering(
            AuditOrderStore store,
            OrganisationDirectory organisations,
            Funding funding,
            AuditMails mails,
            ApplicationEventPublisher events,
            Clock clock) {
        this.store = store;
        this.organisations = organisations;
        this.funding = funding;
        this.mails = mails;
        this.events = events;
        this.clock = clock;
    }

    /** The organisations this person may order for: those they administer, by name. */
    @Transactional(readOnly = true)
    public List<OrganisationProfile> orderingFor(CurrentUser user) {
        return organisations.memberOf(user).stream()
                .filter(o -> user.roleIn(o.id().value()).orElse(null) == OrganisationRole.ORGANISATION_ADMIN)
                .toList();
    }

    @Transactional(readOnly = true)
    public Preview preview(Request request, CurrentUser user) {
        return checked(request, user).preview();
    }

    @Transactional
    public AuditOrderId place(Request request, CurrentUser user) {
        Checked checked = checked(request, user);
        Preview p = checked.preview();
        AuditOrder order = AuditOrder.request(
                new AuditOrder.Request(
                        request.organisationId(),
                        p.organisation(),
                        request.partnerId(),
                        p.partner(),
                        request.kind(),
                        request.coachingDay(),
                        checked.line().id(),
                        checked.line().sharesIncludeVat(),
                        p.quote()),
                new AuditOrder.Actor(user.id(), user.displayName()),
                clock.instant());
        store.insert(order);
        order.events().forEach(events::publishEvent);
        mails.requested(order);
        return order.id();
    }

    private record Checked(Preview preview, BudgetLineSummary line) {}

    private Checked checked(Request request, CurrentUser user) {
        OrganisationProfile own = administered(request.organisationId(), user);
        OrganisationProfile partner = null;
        if (request.partnerId() != null) {
            if (request.partnerId().equals(request.organisationId())
                    || user.roleIn(request.partnerId()).orElse(null) != OrganisationRole.ORGANISATION_ADMIN) {
                throw Refusal.invalid(PARTNER_INVALID);
            }
            partner = organisations.profile(new OrganisationId(request.partnerId()), user);
            if (!EnumSet.of(own.type(), partner.type())
                    .equals(EnumSet.of(OrganisationType.MUNICIPALITY, OrganisationType.SOCIAL_WELFARE_CENTRE))) {
                throw Refusal.invalid(PARTNER_INVALID);
            }
        }
        if (request.kind() == AuditKind.SUPPLEMENTARY) {
            if (request.coachingDay()) {
                throw Refusal.invalid(COACHING_BASIC_ONLY);
            }
            for (OrganisationProfile organisation : partner == null ? List.of(own) : List.of(own, partner)) {
                if (!store.basicCompleted(organisation.id().value())) {
                    throw Refusal.invalid(NO_BASIC, organisation.name());
                }
            }
        }
        Quote quote = new Quote(request.quoteExcludingVat(), request.quoteVat());
        BudgetLineSummary line = line(request.kind());
        Quote.Parts parts = quote.parts(AuditOrder.share(request.kind()), line.sharesIncludeVat(), partner != null);
        return new Checked(
                new Preview(
                        own.name(),
                        partner == null ? null : partner.name(),
                        request.kind(),
                        request.coachingDay(),
                        line.name(),
                        line.sharesIncludeVat(),
                        quote,
                        parts),
                line);
    }

    /** The organisation, when this person administers it; an organisation that is not theirs is not there. */
    private OrganisationProfile administered(UUID organisationId, CurrentUser user) {
        if (organisationId == null || user.roleIn(organisationId).orElse(null) != OrganisationRole.ORGANISATION_ADMIN) {
            throw new AuditOrderNotFound();
        }
        return organisations.profile(new OrganisationId(organisationId), user);
    }

    /** The line valid today for this kind of audit; the first by name when there are several. */
    private BudgetLineSummary line(AuditKind kind) {
        LocalDate today = BelgianTime.today(clock);
        BudgetPurpose purpose =
                kind == AuditKind.BASIC ? BudgetPurpose.BASIC_AUDITS : BudgetPurpose.SUPPLEMENTARY_AUDITS;
        return funding.lines(today.getYear()).stream()
                .filter(l -> l.purpose() == purpose)
                .filter(l -> !today.isBefore(l.validFrom()) && !today.isAfter(l.validUntil()))
                .min(Comparator.comparing(BudgetLineSummary::name))
                .orElseThrow(() -> Refusal.invalid(NO_LINE));
    }
}
