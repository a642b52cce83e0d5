package be.bolwerk.identity;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * When an account signed in before the current sign-in, so the person can spot a sign-in that was not theirs. The
 * home page shows it; it lives here because the account table is identity's to read.
 */
@Service
public class SignInHistory {

    private final JdbcClient jdbc;

    SignInHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Empty for an account that signs in for the first time. */
    @Transactional(readOnly = true)
    public Optional<OffsetDateTime> previousSignIn(UUID accountId) {
        return jdbc.sql("SELECT previous_login_at FROM user_account WHERE id = :id")
                .param("id", accountId)
                .query(OffsetDateTime.class)
                .optional();
    }
}
