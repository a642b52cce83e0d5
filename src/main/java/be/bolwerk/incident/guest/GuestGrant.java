package be.bolwerk.incident.guest;

import be.bolwerk.incident.IncidentId;
import be.bolwerk.incident.event.work.IncidentGuestEvent;
import be.bolwerk.incident.handling.Actor;
import be.bolwerk.shared.BelgianTime;
import be.bolwerk.shared.Refusal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * One firm's access to one incident (ADR 0043): invited by the organisation's admin until the end of a Brussels
 * day, accepted once by an account, revoked at most once. Each transition checks its rule (a {@link Refusal}
 * otherwise) and returns its past-tense event; who may take it is the use case's business. Whether the guest may
 * open the incident is {@link #stateAt}: nothing runs when a grant expires.
 */
public final class GuestGrant {

    static final String EMAIL_INVALID = "incident.guest.rule.emailInvalid";
    static final String FIRM_REQUIRED = "incident.guest.rule.firmRequired";
    static final String EXPIRY_REQUIRED = "incident.guest.rule.expiryRequired";
    static final String EXPIRY_PAST = "incident.guest.rule.expiryPast";
    static final String EXPIRY_TOO_FAR = "incident.guest.rule.expiryTooFar";
    static final String NOT_OPEN = "incident.guest.rule.notOpen";
    static final String ALREADY_ACCEPTED = "incident.guest.rule.alreadyAccepted";

    /** A firm is invited for a crisis, not for good: a longer engagement is invited again. */
    public static final int MAX_DAYS = 90;

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    /** The part of a grant that changes after the invitation; null parts have not happened. */
    record Progress(UUID accountId, Instant acceptedAt, Actor revokedBy, Instant revokedAt) {

        static final Progress NONE = new Progress(null, null, null, null);
    }

    private final UUID id;
    private final IncidentId incidentId;
    private final UUID organisationId;
    private final String email;
    private final String firm;
    private final Instant expiresAt;
    private final Actor invitedBy;
    private final Instant invitedAt;
    private Progress progress;

    GuestGrant(
            UUID id,
            IncidentId incidentId,
            UUID organisationId,
            String email,
            String firm,
            Instant expiresAt,
            Actor invitedBy,
            Instant invitedAt,
            Progress progress) {
        this.id = id;
        this.incidentId = incidentId;
        this.organisationId = organisationId;
        this.email = email;
        this.firm = firm;
        this.expiresAt = expiresAt;
        this.invitedBy = invitedBy;
        this.invitedAt = invitedAt;
        this.progress = progress;
    }

    /** The invitation, end date inclusive: access ends when that day ends in Brussels. */
    static GuestGrant invite(
            IncidentId incidentId,
            UUID organisationId,
            String email,
            String firm,
            LocalDate lastDay,
            Actor by,
            Clock clock) {
        String address = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
        if (address.length() > 254 || !EMAIL.matcher(address).matches()) {
            throw Refusal.invalid(EMAIL_INVALID);
        }
        if (firm == null || firm.isBlank()) {
            throw Refusal.invalid(FIRM_REQUIRED);
        }
        if (lastDay == null) {
            throw Refusal.invalid(EXPIRY_REQUIRED);
        }
        LocalDate today = BelgianTime.today(clock);
        if (lastDay.isBefore(today)) {
            throw Refusal.invalid(EXPIRY_PAST);
        }
        if (lastDay.isAfter(today.plusDays(MAX_DAYS))) {
            throw Refusal.invalid(EXPIRY_TOO_FAR, MAX_DAYS);
        }
        return new GuestGrant(
                UUID.randomUUID(),
                incidentId,
                organisationId,
                address,
                firm.strip(),
                endOf(lastDay),
                by,
                clock.instant(),
                Progress.NONE);
    }

    /** The first moment after the Brussels day {@code lastDay}. */
    static Instant endOf(LocalDate lastDay) {
        return lastDay.plusDays(1).atStartOfDay(BelgianTime.ZONE).toInstant();
    }

    IncidentGuestEvent.GuestInvited invited() {
        return new IncidentGuestEvent.GuestInvited(id, incidentId, organisationId, firm, expiresAt);
    }

    /** The invited person accepted with this account; once only, and only while the grant is open. */
    IncidentGuestEvent.GuestAccepted accept(UUID accountId, Instant now) {
        if (progress.acceptedAt() != null) {
            throw Refusal.conflict(ALREADY_ACCEPTED);
        }
        if (stateAt(now) != GuestState.INVITED) {
            throw Refusal.conflict(NOT_OPEN);
        }
        progress = new Progress(accountId, now, null, null);
        return new IncidentGuestEvent.GuestAccepted(id, incidentId, organisationId, firm, accountId);
    }

    /** Ends the access now; a grant already revoked or past its end has nothing left to end. */
    IncidentGuestEvent.GuestRevoked revoke(Actor by, Instant now) {
        GuestState state = stateAt(now);
        if (state == GuestState.REVOKED || state == GuestState.EXPIRED) {
            throw Refusal.conflict(NOT_OPEN);
        }
        progress = new Progress(progress.accountId(), progress.acceptedAt(), by, now);
        return new IncidentGuestEvent.GuestRevoked(id, incidentId, organisationId, firm);
    }

    public GuestState stateAt(Instant now) {
        if (progress.revokedAt() != null) {
            return GuestState.REVOKED;
        }
        if (!now.isBefore(expiresAt)) {
            return GuestState.EXPIRED;
        }
        return progress.acceptedAt() == null ? GuestState.INVITED : GuestState.ACTIVE;
    }

    /** Whether this account may open the incident now. */
    public boolean admits(UUID account, Instant now) {
        return account != null && account.equals(progress.accountId()) && stateAt(now) == GuestState.ACTIVE;
    }

    /** The last day of access, as the admin chose it (Brussels). */
    public LocalDate lastDay() {
        return expiresAt.atZone(BelgianTime.ZONE).toLocalDate().minusDays(1);
    }

    public UUID id() {
        return id;
    }

    public IncidentId incidentId() {
        return incidentId;
    }

    public UUID organisationId() {
        return organisationId;
    }

    public String email() {
        return email;
    }

    public String firm() {
        return firm;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public Actor invitedBy() {
        return invitedBy;
    }

    public Instant invitedAt() {
        return invitedAt;
    }

    Progress progress() {
        return progress;
    }

    public UUID accountId() {
        return progress.accountId();
    }

    public Instant acceptedAt() {
        return progress.acceptedAt();
    }

    public Actor revokedBy() {
        return progress.revokedBy();
    }

    public Instant revokedAt() {
        return progress.revokedAt();
    }
}
