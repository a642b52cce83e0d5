package be.bolwerk.identity.factor;

import be.bolwerk.identity.event.PasskeyAdded;
import be.bolwerk.identity.event.PasskeyRemoved;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutableCredentialRecord;
import org.springframework.security.web.webauthn.management.JdbcUserCredentialRepository;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The passkeys of accounts. Spring Security reads and writes them through the {@link UserCredentialRepository}
 * methods (its JDBC repository does the work); the rest is what our pages need, always for one account, named
 * by its e-mail address, which is the WebAuthn user name. A new passkey is announced so the audit trail has it.
 */
@Component
public class Passkeys implements UserCredentialRepository {

    static final int LABEL_LENGTH = 60;

    /** One passkey as the person sees it. {@code id} is the credential id, base64url. */
    record Passkey(String id, String label, Instant created, Instant lastUsed) {}

    private final JdbcUserCredentialRepository credentials;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    Passkeys(JdbcOperations operations, JdbcClient jdbc, ApplicationEventPublisher events) {
        this.credentials = new JdbcUserCredentialRepository(operations);
        this.jdbc = jdbc;
        this.events = events;
    }

    /**
     * Called by Spring Security when a passkey is registered and after every use (new signature counter). The
     * label comes from the browser, so it is trimmed to what the page shows instead of failing the request.
     */
    @Override
    @Transactional
    public void save(CredentialRecord record) {
        boolean isNew = credentials.findByCredentialId(record.getCredentialId()) == null;
        String label = record.getLabel() == null
                ? ""
                : record.getLabel().replaceAll("\\p{Cntrl}", "").strip();
        if (label.isEmpty()) {
            label = "Passkey";
        }
        if (label.length() > LABEL_LENGTH) {
            label = label.substring(0, LABEL_LENGTH);
        }
        String savedLabel = label;
        credentials.save(ImmutableCredentialRecord.fromCredentialRecord(record)
                .label(label)
                .build());
        if (isNew) {
            ownerOf(record.getUserEntityUserId())
                    .ifPresent(account -> events.publishEvent(new PasskeyAdded(account, savedLabel)));
        }
    }

    @Override
    public CredentialRecord findByCredentialId(Bytes credentialId) {
        return credentials.findByCredentialId(credentialId);
    }

    @Override
    public List<CredentialRecord> findByUserId(Bytes userId) {
        return credentials.findByUserId(userId);
    }

    /** Spring Security's own delete endpoint is closed (see SecurityConfiguration); {@link #remove} is ours. */
    @Override
    public void delete(Bytes credentialId) {
        credentials.delete(credentialId);
    }

    @Transactional(readOnly = true)
    List<Passkey> of(String email) {
        return jdbc.sql("""
                        SELECT c.credential_id, c.label, c.created, c.last_used
                        FROM user_credentials c JOIN user_entities e ON e.id = c.user_entity_user_id
                        WHERE e.name = :email
                        ORDER BY c.created, c.credential_id
                        """)
                .param("email", email)
                .query((rs, row) -> new Passkey(
                        rs.getString("credential_id"),
                        rs.getString("label"),
                        instant(rs.getTimestamp("created")),
                        instant(rs.getTimestamp("last_used"))))
                .list();
    }

    @Transactional(readOnly = true)
    boolean any(String email) {
        return !of(email).isEmpty();
    }

    /** Removes one passkey of this account; false when the account has no passkey with that id. */
    @Transactional
    boolean remove(UUID account, String email, String credentialId) {
        Optional<Passkey> passkey =
                of(email).stream().filter(p -> p.id().equals(credentialId)).findFirst();
        if (passkey.isEmpty()) {
            return false;
        }
        jdbc.sql("DELETE FROM user_credentials WHERE credential_id = :id")
                .param("id", credentialId)
                .update();
        events.publishEvent(new PasskeyRemoved(account, passkey.get().label()));
        return true;
    }

    private Optional<UUID> ownerOf(Bytes userEntityId) {
        return jdbc.sql("""
                        SELECT a.id FROM user_account a JOIN user_entities e ON e.name = a.email
                        WHERE e.id = :id
                        """)
                .param("id", userEntityId.toBase64UrlString())
                .query(UUID.class)
                .optional();
    }

    private static Instant instant(java.sql.Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
