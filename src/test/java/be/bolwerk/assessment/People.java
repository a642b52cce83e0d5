package be.bolwerk.assessment;

import be.bolwerk.shared.security.CurrentUser;
import be.bolwerk.shared.security.OrganisationRole;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Stored people of one organisation for the work-list tests: an account (so mails have an address) with a
 * membership and, when given, a language and the work-mail choice.
 */
final class People {

    private People() {}

    record Person(CurrentUser user, String email) {
        UUID id() {
            return user.id();
        }
    }

    static Person stored(
            JdbcClient jdbc, UUID organisation, OrganisationRole role, String name, String language, Boolean work) {
        UUID id = UUID.randomUUID();
        String email = "work-" + id + "@test.invalid";
        jdbc.sql("""
                        INSERT INTO user_account (id, email, display_name, password_hash, enabled, created_at, version)
                        VALUES (:id, :email, :name, '{noop}x', TRUE, CURRENT_TIMESTAMP, 0)
                        """).param("id", id).param("email", email).param("name", name).update();
        jdbc.sql("""
                        INSERT INTO membership (organisation_id, user_account_id, role, created_at)
                        VALUES (:org, :id, :role, CURRENT_TIMESTAMP)
                        """)
                .param("org", organisation)
                .param("id", id)
                .param("role", role.name())
                .update();
        if (language != null) {
            jdbc.sql("""
                            INSERT INTO account_preference (user_account_id, language, work_mail, updated_at)
                            VALUES (:id, :language, :work, CURRENT_TIMESTAMP)
                            """)
                    .param("id", id)
                    .param("language", language)
                    .param("work", work)
                    .update();
        }
        return new Person(new CurrentUser(id, email, name, null, true, Set.of(), Map.of(organisation, role)), email);
    }

    record Mail(String subject, String body) {}

    static java.util.List<Mail> mailsTo(JdbcClient jdbc, String email) {
        return jdbc.sql("SELECT subject, body FROM mail_outbox WHERE recipient = :r ORDER BY created_at")
                .param("r", email)
                .query((rs, n) -> new Mail(rs.getString("subject"), rs.getString("body")))
                .list();
    }

    /** Whether every publication of events about this assessment has been handled by its listeners. */
    static boolean reactionsDone(JdbcClient jdbc, UUID assessment) {
        return jdbc.sql("""
                        SELECT COUNT(*) FROM event_publication
                        WHERE serialized_event LIKE :id AND completion_date IS NULL
                        """)
                        .param("id", "%" + assessment + "%")
                        .query(Long.class)
                        .single()
                == 0;
    }
}
