package be.bolwerk.identity.factor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.bolwerk.identity.DemoTotp;
import org.junit.jupiter.api.Test;

/** Authenticator secrets at rest: sealed with the configured key, readable only with it. */
class SecretCipherTests {

    private static SecretCipher withKey(String key) {
        return new SecretCipher(new IdentityProperties(null, null, key, null));
    }

    private final SecretCipher cipher = withKey("a-key-of-at-least-thirty-two-characters");

    @Test
    void aSealedSecretOpensAgainAndDoesNotShowTheSecret() {
        String sealed = cipher.seal(DemoTotp.SECRET);

        assertThat(sealed).startsWith("v1:").doesNotContain(DemoTotp.SECRET);
        assertThat(cipher.open(sealed)).isEqualTo(DemoTotp.SECRET);
        assertThat(cipher.seal(DemoTotp.SECRET)).as("a fresh nonce each time").isNotEqualTo(sealed);
    }

    @Test
    void anotherKeyCannotOpenIt() {
        String sealed = cipher.seal(DemoTotp.SECRET);

        assertThatThrownBy(() ->
                        withKey("another-key-of-at-least-thirty-two-chars").open(sealed))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aSecretStoredInClearBeforeEncryptionIsReadAsItIs() {
        assertThat(cipher.open(DemoTotp.SECRET)).isEqualTo(DemoTotp.SECRET);
    }

    @Test
    void aMissingOrShortKeyStopsTheStart() {
        assertThatThrownBy(() -> withKey(null)).hasMessageContaining("bolwerk.identity.secret-key");
        assertThatThrownBy(() -> withKey("short")).hasMessageContaining("at least 32 characters");
    }
}
