package be.bolwerk.identity.account;

import be.bolwerk.identity.event.SecondFactorsReset;
import be.bolwerk.identity.factor.SecondFactors;
import be.bolwerk.identity.membership.PersonaInvitations;
import be.bolwerk.identity.membership.PersonaLabels;
import be.bolwerk.identity.session.AccountSessions;
import be.bolwerk.notification.Mailer;
import be.bolwerk.shared.Like;
import be.bolwerk.shared.Paged;
import be.bolwerk.shared.Refusal;
import be.bolwerk.shared.security.CurrentUser;
import be.bolwerk.shared.security.Persona;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Platform admins look after every account: find it, deactivate it (which ends all its sessions at once, on
 * every node), let it in again, or remove its second factors when a phone is lost; and they hand out the
 * programme-wide personas: invite someone to one, change one (its affiliation), or take one away. A change of
 * persona ends the person's sessions, since a session holds the rights it began with, and tells the person by
 * mail. Every action is audited.
 */
@Component
@PreAuthorize("hasRole('PLATFORM_ADMIN')")
class UserAdministration {

    /** One account in the admin list. */
    public record AccountRow(
            UUID id,
            String displayName,
            String email,
            boolean enabled,
            int memberships,
            List<PersonaView> personas,
            boolean enrolled) {}

    /** A programme-wide persona an account holds, with its audit firm or college when it has one. */
    public record PersonaView(Persona persona, String affiliation) {}

    /** One account with its personas, for the page that changes them. */
    public record AccountDetail(
            UUID id, String displayName, String email, boolean enabled, List<PersonaView> personas) {

        public boolean holds(Persona persona) {
            return personas.stream().anyMatch(p -> p.persona() == persona);
        }
    }

    private final JdbcClient jdbc;
    private final UserAccounts accounts;
    private final AccountSessions sessions;
    private final SecondFactors factors;
    private final ApplicationEventPublisher events;
    private final PersonaInvitations invitations;
    private final Mailer mailer;

    UserAdministration(
            JdbcClient jdbc,
            UserAccounts accounts,
            AccountSessions sessions,
            SecondFactors factors,
            ApplicationEventPublisher events,
            PersonaInvitations invitations,
            Mailer mailer) {
        this.invitations = invitations;
        this.mailer = mailer;
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.sessions = sessions;
        this.factors = factors;
        this.events = events;
    }

    @Transactional(readOnly = true)
    Paged<AccountRow> search(String query, int page, int size) {
        String where = "";
        Map<String, Object> params = new HashMap<>();
        if (query != null && !query.isBlank()) {
            where = " WHERE LOWER(a.email) LIKE :q ESCAPE '\\' OR LOWER(a.display_name) LIKE :q ESCAPE '\\'";
            params.put("q", "%" + Like.escape(query.strip().toLowerCase(Locale.ROOT)) + "%");
        }
        long total = jdbc.sql("SELECT COUNT(*) FROM user_account a" + where)
                .params(params)
                .query(Long.class)
                .single();
        List<AccountRow> rows = jdbc.sql("""
                        SELECT a.id, a.display_name, a.email, a.enabled,
                            (SELECT COUNT(*) FROM membership m WHERE m.user_account_id = a.id) AS memberships,
                            (SELECT COUNT(*) FROM totp_enrolment t WHERE t.user_account_id = a.id
                                AND t.confirmed_at IS NOT NULL) AS enrolled
                        FROM user_account a""" + where + " ORDER BY a.display_name, a.email LIMIT :limit OFFSET :offset")
                .params(params)
                .param("limit", size)
                .param("offset", (long) page * size)
                .query((rs, row) -> new AccountRow(
                        rs.getObject("id", UUID.class),
                        rs.getString("display_name"),
                        rs.getString("email"),
                        rs.getBoolean("enabled"),
                        rs.getInt("memberships"),
                        List.of(),
                        rs.getInt("enrolled") > 0))
                .list();
        Map<UUID, List<PersonaView>> personas =
                personasOf(rows.stream().map(AccountRow::id).toList());
        List<AccountRow> withPersonas = rows.stream()
                .map(r -> new AccountRow(
                        r.id(),
                        r.displayName(),
                        r.email(),
                        r.enabled(),
                        r.memberships(),
                        personas.getOrDefault(r.id(), List.of()),
                        r.enrolled()))
                .toList();
        return new Paged<>(withPersonas, page, size, total);
    }

    private Map<UUID, List<PersonaView>> personasOf(List<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        record Held(UUID account, PersonaView view) {}
        return jdbc
                .sql("SELECT user_account_id, role, affiliation FROM programme_role WHERE user_account_id IN (:ids)"
                        + " ORDER BY role")
                .param("ids", ids)
                .query((rs, row) -> new Held(
                        rs.getObject("user_account_id", UUID.class),
                        new PersonaView(Persona.valueOf(rs.getString("role")), rs.getString("affiliation"))))
                .list()
                .stream()
                .collect(Collectors.groupingBy(
                        Held::account, Collectors.mapping(Held::view, Collectors.toCollection(ArrayList::new))));
    }

    @Transactional(readOnly = true)
    AccountDetail account(UUID id) {
        UserAccount account = accounts.findById(id).orElseThrow(AccountNotFound::new);
        return new AccountDetail(
                account.id(),
                account.displayName(),
                account.email(),
                account.enabled(),
                personasOf(List.of(id)).getOrDefault(id, List.of()));
    }

    /** Invites an address to a persona; the affiliation has been checked by the caller. */
    @Transactional
    void invite(CurrentUser admin, String email, Persona persona, String affiliation) {
        invitations.invite(admin.id(), admin.displayName(), email, persona, affiliation);
    }

    /** Gives the account the persona, or a new affiliation for it. */
    @Transactional
    void assignPersona(UUID id, Persona persona, String affiliation) {
        UserAccount account = accounts.findById(id).orElseThrow(AccountNotFound::new);
        account.assignPersona(persona, affiliation);
        accounts.save(account);
        sessions.endAll(account.email());
        String label = PersonaLabels.DUTCH.get(persona)
                + (Affiliation.required(persona) ? " (" + Affiliation.of(persona, affiliation) + ")" : "");
        tell(account, "U bent nu " + label + " in Bolwerk.");
    }

    /** Takes the persona away. A platform admin cannot take away their own, so the platform keeps an admin. */
    @Transactional
    void removePersona(CurrentUser admin, UUID id, Persona persona) {
        UserAccount account = accounts.findById(id).orElseThrow(AccountNotFound::new);
        if (persona == Persona.PLATFORM_ADMIN && account.id().equals(admin.id())) {
            throw Refusal.invalid("users.persona.NOT_YOURSELF");
        }
        if (!account.removePersona(persona)) {
            throw Refusal.conflict("users.persona.NOT_HELD");
        }
        accounts.save(account);
        sessions.endAll(account.email());
        tell(account, "U bent niet langer " + PersonaLabels.DUTCH.get(persona) + " in Bolwerk.");
    }

    private void tell(UserAccount account, String change) {
        mailer.send(account.email(), Mailer.DEFAULT_LANGUAGE, "mail/roleChanged", Map.of("change", change));
    }

    @Transactional
    void deactivate(UUID id) {
        UserAccount account = accounts.findById(id).orElseThrow(AccountNotFound::new);
        account.deactivate();
        accounts.save(account);
        sessions.endAll(account.email());
    }

    @Transactional
    void reactivate(UUID id) {
        UserAccount account = accounts.findById(id).orElseThrow(AccountNotFound::new);
        account.reactivate();
        accounts.save(account);
    }

    @Transactional
    void resetSecondFactors(UUID id) {
        UserAccount account = accounts.findById(id).orElseThrow(AccountNotFound::new);
        factors.reset(id);
        sessions.endAll(account.email());
        events.publishEvent(new SecondFactorsReset(id, account.email()));
    }

    /** No account with this id. */
    static final class AccountNotFound extends be.bolwerk.shared.NotFound {
        AccountNotFound() {
            super("No such account");
        }
    }
}
