package be.bolwerk.identity.factor;

import org.springframework.security.crypto.encrypt.Encryptors;
import org.springframework.security.crypto.encrypt.TextEncryptor;
import org.springframework.stereotype.Component;

/**
 * Encrypts authenticator secrets at rest (AES-256-GCM with a key derived from
 * {@code bolwerk.identity.secret-key}), so a copy of the database alone does not yield anyone's codes. Sealed
 * values carry a version prefix; a value without it was stored in clear before encryption existed and is
 * read as it is, then sealed the next time it is written.
 */
@Component
class SecretCipher {

    private static final String PREFIX = "v1:";
    /** Not secret (the key is); fixed so every node derives the same key from the configured passphrase. */
    private static final String SALT = "6b6f6c7765726b2d746f74702d7631";

    private final TextEncryptor encryptor;

    SecretCipher(IdentityProperties properties) {
        String key = properties.secretKey();
        if (key == null || key.length() < 32) {
            throw new IllegalStateException(
                    "bolwerk.identity.secret-key must be set to at least 32 characters (BOLWERK_IDENTITY_SECRETKEY)");
        }
        this.encryptor = Encryptors.delux(key, SALT);
    }

    String seal(String secret) {
        return PREFIX + encryptor.encrypt(secret);
    }

    String open(String stored) {
        if (stored == null || !stored.startsWith(PREFIX)) {
            return stored;
        }
        return encryptor.decrypt(stored.substring(PREFIX.length()));
    }
}
