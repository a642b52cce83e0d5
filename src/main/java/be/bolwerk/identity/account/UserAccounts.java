package be.bolwerk.identity.account;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.CrudRepository;

public interface UserAccounts extends CrudRepository<UserAccount, UUID> {

    Optional<UserAccount> findByEmail(String email);

    boolean existsByEmail(String email);

    @Modifying
    @Query("UPDATE user_account SET password_hash = :hash WHERE email = :email")
    void replacePasswordHash(String email, String hash);

    @Modifying
    @Query("UPDATE user_account SET previous_login_at = last_login_at, last_login_at = :at WHERE id = :id")
    void recordSignIn(UUID id, Instant at);
}
