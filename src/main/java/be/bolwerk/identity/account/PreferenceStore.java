package be.bolwerk.identity.account;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The one class that writes {@code account_preference}; no row means {@link Preferences#DEFAULTS}. */
@Component
public class PreferenceStore {

    private final JdbcClient jdbc;

    PreferenceStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Where and how a mail reaches a person: their address and their choices. */
    public record Recipient(String email, Preferences preferences) {}

    /**
     * The enabled account's address with its preferences, in one query: every personal mail asks for both, and a
     * burst of incident reports sends two or three each (docs/performance.md). Empty for an unknown or disabled
     * account.
     */
    public Optional<Recipient> recipient(UUID accountId) {
        return jdbc.sql("""
                        SELECT u.email, p.language, p.work_mail
                        FROM user_account u LEFT JOIN account_preference p ON p.user_account_id = u.id
                        WHERE u.id = :id AND u.enabled = TRUE
                        """)
                .param("id", accountId)
                .query((rs, row) -> new Recipient(rs.getString("email"), chosen(rs)))
                .optional();
    }

    /** The choices in a row, the defaults where the person chose nothing (no preference row: its columns null). */
    private static Preferences chosen(ResultSet rs) throws SQLException {
        String language = rs.getString("language");
        return language == null ? Preferences.DEFAULTS : new Preferences(language, rs.getBoolean("work_mail"));
    }

    public Preferences of(UUID accountId) {
        return jdbc.sql("SELECT language, work_mail FROM account_preference WHERE user_account_id = :id")
                .param("id", accountId)
                .query((rs, row) -> chosen(rs))
                .optional()
                .orElse(Preferences.DEFAULTS);
    }

    /** Inserts or replaces; the insert does nothing when a concurrent save made the row first. */
    void save(UUID accountId, Preferences preferences, Instant now) {
        int updated = update(accountId, preferences, now);
        if (updated == 0) {
            jdbc.sql("""
                            INSERT INTO account_preference (user_account_id, language, work_mail, updated_at)
                            VALUES (:id, :language, :work, :now) ON CONFLICT DO NOTHING
                            """)
                    .param("id", accountId)
                    .param("language", preferences.language())
                    .param("work", preferences.workMail())
                    .param("now", now.atOffset(ZoneOffset.UTC))
                    .update();
            update(accountId, preferences, now);
        }
    }

    private int update(UUID accountId, Preferences preferences, Instant now) {
        return jdbc.sql("""
                        UPDATE account_preference SET language = :language, work_mail = :work, updated_at = :now
                        WHERE user_account_id = :id
                        """)
                .param("id", accountId)
                .param("language", preferences.language())
                .param("work", preferences.workMail())
                .param("now", now.atOffset(ZoneOffset.UTC))
                .update();
    }
}
