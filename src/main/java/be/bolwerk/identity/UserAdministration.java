package be.bolwerk.identity;

import be.bolwerk.shared.Like;
import be.bolwerk.shared.Paged;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Platform admins look after every account: find it, deactivate it (which ends all its sessions at once, on
 * every node), let it in again, or remove its second factors when a phone is lost. Every action is audited.
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
            int personas,
            boolean enrolled) {}

    private final JdbcClient jdbc;
    private final UserAccounts accounts;
    private final AccountSessions sessions;
    private final SecondFactors factors;
    private final ApplicationEventPublisher events;

    UserAdministration(
            JdbcClient jdbc,
            UserAccounts accounts,
            AccountSessions sessions,
            SecondFactors factors,
            ApplicationEventPublisher events) {
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
                            (SELECT COUNT(*) FROM programme_role r WHERE r.user_account_id = a.id) AS personas,
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
                        rs.getInt("personas"),
                        rs.getInt("enrolled") > 0))
                .list();
        return new Paged<>(rows, page, size, total);
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
        events.publishEvent(new SecondFactorsReset(id));
    }

    /** No account with this id. */
    static final class AccountNotFound extends be.bolwerk.shared.NotFound {
        AccountNotFound() {
            super("No such account");
        }
    }
}
