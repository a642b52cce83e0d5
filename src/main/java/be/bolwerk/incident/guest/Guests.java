package be.bolwerk.incident.guest;

import be.bolwerk.identity.GuestInvitations;
import be.bolwerk.identity.event.GuestAccountLinked;
import be.bolwerk.incident.IncidentId;
import be.bolwerk.incident.IncidentNotFound;
import be.bolwerk.incident.handling.Access;
import be.bolwerk.incident.handling.Actor;
import be.bolwerk.incident.handling.Incident;
import be.bolwerk.incident.handling.IncidentAccess;
import be.bolwerk.incident.handling.IncidentStore;
import be.bolwerk.shared.security.CurrentUser;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The guest use cases (ADR 0043): the organisation's admin invites a firm to one incident and may revoke it, the
 * CRT may revoke too; the identity module tells when the invitation is accepted. Whether a person is an active
 * guest is {@link ActiveGuests}, asked by {@link IncidentAccess} on every request.
 */
@Service
public class Guests {

    /** One incident a guest may open now, for their landing page. */
    public record Mine(IncidentId incidentId, String reference, String firm, LocalDate lastDay) {}

    private final IncidentAccess access;
    private final IncidentStore incidents;
    private final GuestStore store;
    private final GuestInvitations invitations;
    private final GuestMails mails;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Guests(
            IncidentAccess access,
            IncidentStore incidents,
            GuestStore store,
            GuestInvitations invitations,
            GuestMails mails,
            ApplicationEventPublisher events,
            Clock clock) {
        this.access = access;
        this.incidents = incidents;
        this.store = store;
        this.invitations = invitations;
        this.mails = mails;
        this.events = events;
        this.clock = clock;
    }

    /** The incident's grants for its own people and the CRT; a guest never sees this list (404). */
    @Transactional(readOnly = true)
    public List<GuestGrant> of(IncidentId id, CurrentUser user) {
        access.load(id, user);
        return store.of(id);
    }

    /** Only the organisation's admin invites: the firm works for the organisation, under its contract. */
    @Transactional
    public GuestGrant invite(IncidentId id, String email, String firm, LocalDate lastDay, CurrentUser user) {
        IncidentAccess.Loaded loaded = access.load(id, user);
        if (!loaded.access().mayDecideForOrganisation()) {
            throw new AccessDeniedException("only the organisation's admin invites guests");
        }
        Incident incident = loaded.incident();
        GuestGrant grant =
                GuestGrant.invite(id, incident.organisationId(), email, firm, lastDay, Actor.of(user), clock);
        store.insert(grant);
        String link = invitations.issue(grant.id(), grant.email(), user.id(), grant.expiresAt());
        mails.invited(grant, incident, link);
        events.publishEvent(grant.invited());
        return grant;
    }

    /** The admin who invited, or the CRT when it sees reason to, ends the access at once. */
    @Transactional
    public void revoke(IncidentId id, UUID grantId, CurrentUser user) {
        IncidentAccess.Loaded loaded = access.load(id, user);
        if (!mayRevoke(loaded.access())) {
            throw new AccessDeniedException("only the organisation's admin or the CRT revokes guests");
        }
        GuestGrant grant =
                store.find(grantId).filter(g -> g.incidentId().equals(id)).orElseThrow(IncidentNotFound::new);
        var revoked = grant.revoke(Actor.of(user), clock.instant());
        store.revoked(grant);
        invitations.withdraw(grant.id());
        mails.revoked(grant, loaded.incident());
        events.publishEvent(revoked);
    }

    public static boolean mayRevoke(Access access) {
        return access.mayDecideForOrganisation() || access.mayHandle();
    }

    /**
     * The identity module accepted a guest invitation, in its transaction. A grant revoked or expired since the
     * invitation is left alone: the account exists, but opens nothing.
     */
    @EventListener
    void on(GuestAccountLinked linked) {
        store.find(linked.invitationId()).ifPresent(grant -> {
            if (grant.stateAt(clock.instant()) != GuestState.INVITED) {
                return;
            }
            var accepted = grant.accept(linked.accountId(), clock.instant());
            store.accepted(grant);
            incidents.find(grant.incidentId()).ifPresent(incident -> mails.accepted(grant, incident));
            events.publishEvent(accepted);
        });
    }

    /** The incidents the signed-in person may open as a guest now; empty for everyone else. */
    @Transactional(readOnly = true)
    public List<Mine> mine(CurrentUser user) {
        return store.ofAccount(user.id()).stream()
                .filter(g -> g.admits(user.id(), clock.instant()))
                .flatMap(g -> incidents.find(g.incidentId()).stream()
                        .map(i -> new Mine(g.incidentId(), i.reference(), g.firm(), g.lastDay())))
                .toList();
    }
}
