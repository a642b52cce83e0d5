package be.bolwerk.identity.session;

import be.bolwerk.identity.factor.IdentityProperties;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/**
 * The sessions of an account, across all nodes (they live in the database): to list them, and to end one or
 * all of them. Spring Session indexes sessions by the signed-in e-mail address.
 *
 * <p>A session id is the session cookie in all but its base64 wrapping, so it never leaves the server: pages
 * and URLs name a session by its handle, an HMAC of the id under a key derived from
 * {@code bolwerk.identity.secret-key}. A handle cannot be turned back into the id, and every node computes the
 * same handle for the same session.
 */
@Component
public class AccountSessions {

    /** One session as its owner sees it; {@code handle} is safe to show, the session id is not in here. */
    public record SessionView(String handle, Instant createdAt, Instant lastUsedAt, boolean current) {}

    private static final String ALGORITHM = "HmacSHA256";
    /** Separates this use of the secret key from its use for encrypting authenticator secrets. */
    private static final byte[] PURPOSE = "bolwerk session handle v1".getBytes(StandardCharsets.UTF_8);

    private final ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> repository;
    private final SecretKeySpec handleKey;

    /**
     * The session repository exists only in a web application; a provider lets the same beans start for the
     * command-line verification of the audit trail ({@code --spring.main.web-application-type=none}), which
     * never touches a session.
     */
    AccountSessions(
            ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> repository,
            IdentityProperties properties) {
        this.repository = repository;
        String secret = properties.secretKey();
        if (secret == null || secret.length() < 32) {
            throw new IllegalStateException(
                    "bolwerk.identity.secret-key must be set to at least 32 characters (BOLWERK_IDENTITY_SECRETKEY)");
        }
        this.handleKey = new SecretKeySpec(
                hmac(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM), PURPOSE), ALGORITHM);
    }

    List<SessionView> of(String email, String currentId) {
        return repository.getObject().findByPrincipalName(email).values().stream()
                .map(s -> new SessionView(
                        handleOf(s.getId()),
                        s.getCreationTime(),
                        s.getLastAccessedTime(),
                        s.getId().equals(currentId)))
                .sorted(Comparator.comparing(SessionView::lastUsedAt).reversed())
                .toList();
    }

    /**
     * Ends the session with this handle if it is one of this account's, other than the one in use; false when
     * there is no such session (someone else's, already ended, or the current one).
     */
    boolean end(String email, String handle, String currentId) {
        FindByIndexNameSessionRepository<? extends Session> sessions = repository.getObject();
        byte[] wanted = handle == null ? new byte[0] : handle.getBytes(StandardCharsets.US_ASCII);
        for (String id : sessions.findByPrincipalName(email).keySet()) {
            if (MessageDigest.isEqual(handleOf(id).getBytes(StandardCharsets.US_ASCII), wanted)) {
                if (id.equals(currentId)) {
                    return false;
                }
                sessions.deleteById(id);
                return true;
            }
        }
        return false;
    }

    /** Ends every session of the account, on every node. */
    public void endAll(String email) {
        repository.getObject().findByPrincipalName(email).keySet().forEach(repository.getObject()::deleteById);
    }

    /** Ends every session of the account except the one in use. Returns how many were ended. */
    public int endOthers(String email, String currentId) {
        int ended = 0;
        for (String id : repository.getObject().findByPrincipalName(email).keySet()) {
            if (!id.equals(currentId)) {
                repository.getObject().deleteById(id);
                ended++;
            }
        }
        return ended;
    }

    public String handleOf(String sessionId) {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(hmac(handleKey, sessionId.getBytes(StandardCharsets.UTF_8)));
    }

    private static byte[] hmac(SecretKeySpec key, byte[] data) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(data);
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", impossible);
        }
    }
}
