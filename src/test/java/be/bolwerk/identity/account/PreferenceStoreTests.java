package be.bolwerk.identity.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Where a personal mail goes, read in one query: the enabled account's address with its choices, the defaults
 * when it chose nothing, and nobody for an unknown or disabled account.
 */
@SpringBootTest
class PreferenceStoreTests {

    private final PreferenceStore store;
    private final JdbcClient jdbc;
    private final String marker = "recipient-" + UUID.randomUUID();

    PreferenceStoreTests(@Autowired PreferenceStore store, @Autowired JdbcClient jdbc) {
        this.store = store;
        this.jdbc = jdbc;
    }

    @AfterEach
    void clean() {
        jdbc.sql(
                        "DELETE FROM account_preference WHERE user_account_id IN (SELECT id FROM user_account WHERE email LIKE :m)")
                .param("m", marker + "%")
                .update();
        jdbc.sql("DELETE FROM user_account WHERE email LIKE :m")
                .param("m", marker + "%")
                .update();
    }

    @Test
    void theAddressComesWithTheChoicesOrTheDefaults() {
        UUID chose = account("chose", true);
        jdbc.sql("""
                        INSERT INTO account_preference (user_account_id, language, work_mail, updated_at)
                        VALUES (:id, 'en', FALSE, CURRENT_TIMESTAMP)
                        """).param("id", chose).update();
        UUID choseNothing = account("nothing", true);

        assertThat(store.recipient(chose))
                .contains(new PreferenceStore.Recipient(marker + "-chose@test.invalid", new Preferences("en", false)));
        assertThat(store.recipient(choseNothing))
                .contains(new PreferenceStore.Recipient(marker + "-nothing@test.invalid", Preferences.DEFAULTS));
    }

    @Test
    void aDisabledOrUnknownAccountIsNobody() {
        UUID disabled = account("disabled", false);

        assertThat(store.recipient(disabled)).isEmpty();
        assertThat(store.recipient(UUID.randomUUID())).isEmpty();
    }

    private UUID account(String name, boolean enabled) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO user_account (id, email, display_name, password_hash, enabled, created_at, version)
                        VALUES (:id, :email, :name, '{noop}x', :enabled, CURRENT_TIMESTAMP, 0)
                        """)
                .param("id", id)
                .param("email", marker + "-" + name + "@test.invalid")
                .param("name", name)
                .param("enabled", enabled)
                .update();
        return id;
    }
}
