package be.bolwerk.identity.membership;

import be.bolwerk.identity.account.Affiliation;
import be.bolwerk.identity.account.CreatePlatformAdminCommand;
import be.bolwerk.identity.account.UserAccount;
import be.bolwerk.identity.event.PersonaInvited;
import be.bolwerk.identity.token.ApiTokens;
import be.bolwerk.notification.Mailer;
import be.bolwerk.notification.NotificationProperties;
import be.bolwerk.shared.security.Persona;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Invitations to a programme-wide persona: single-use links valid for 48 hours, accepted through the same page
 * as organisation invitations ({@link Invitations}). Needs nothing from the web stack, because the first
 * platform admin's link is issued from the command line ({@link CreatePlatformAdminCommand}).
 */
@Component
public class PersonaInvitations {

    /** A recorded invitation and its link token, which exists nowhere else in clear. */
    public record Issued(UUID id, String token) {}

    private final JdbcClient jdbc;
    private final Mailer mailer;
    private final NotificationProperties mail;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    PersonaInvitations(
            JdbcClient jdbc,
            Mailer mailer,
            NotificationProperties mail,
            Clock clock,
            ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.mailer = mailer;
        this.mail = mail;
        this.clock = clock;
        this.events = events;
    }

    /** A platform admin invites someone: the link goes by mail, in the transaction that records it. */
    @Transactional
    public void invite(UUID invitedBy, String inviterName, String email, Persona persona, String affiliation) {
        Issued issued = issue(invitedBy, email, persona, affiliation);
        String label = Affiliation.required(persona)
                ? PersonaLabels.DUTCH.get(persona) + " (" + Affiliation.of(persona, affiliation) + ")"
                : PersonaLabels.DUTCH.get(persona);
        mailer.send(
                UserAccount.normalise(email),
                Mailer.DEFAULT_LANGUAGE,
                "mail/personaInvitation",
                Map.of("inviter", inviterName, "persona", label, "link", link(issued.token())),
                label);
        events.publishEvent(new PersonaInvited(issued.id(), persona.name()));
    }

    /** Records an invitation without sending anything; the caller hands the link over. */
    @Transactional
    public Issued issue(UUID invitedBy, String email, Persona persona, String affiliation) {
        String token = Invitations.newToken();
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO persona_invitation (id, email, persona, affiliation, token_hash, invited_by,
                            created_at, expires_at)
                        VALUES (:id, :email, :persona, :affiliation, :hash, :by, :now, :expires)
                        """)
                .param("id", id)
                .param("email", UserAccount.normalise(email))
                .param("persona", persona.name())
                .param("affiliation", Affiliation.of(persona, affiliation))
                .param("hash", ApiTokens.hash(token))
                .param("by", invitedBy)
                .param("now", now)
                .param("expires", now.plus(Invitations.VALIDITY))
                .update();
        return new Issued(id, token);
    }

    public String link(String token) {
        return mail.baseUrl() + "/invitation/" + token;
    }
}
