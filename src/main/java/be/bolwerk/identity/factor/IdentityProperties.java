package be.bolwerk.identity.factor;

import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the identity module ({@code bolwerk.identity.*}).
 *
 * @param demoPassword the published password of the demo accounts; set only by the demo profile, refused by
 *     the production profile
 * @param demoTotpSecret the published authenticator secret (base32) of the demo accounts; demo profile only,
 *     refused by the production profile
 * @param secretKey the passphrase from which the key that encrypts authenticator secrets is derived; from the
 *     environment in production, where the demo value is refused
 * @param passkeys where passkeys are valid (relying party id and allowed origins)
 */
@ConfigurationProperties("bolwerk.identity")
public record IdentityProperties(
        String demoPassword,
        String demoTotpSecret,
        String secretKey,
        @DefaultValue Passkeys passkeys) {

    /**
     * The WebAuthn relying party. A passkey is bound to {@code rpId}, the host name people use to reach
     * Bolwerk; the browser reports the page's origin, which must be one of {@code origins}.
     */
    public record Passkeys(
            @DefaultValue("localhost") String rpId,
            @DefaultValue("Bolwerk") String rpName,
            @DefaultValue("http://localhost:8080") Set<String> origins) {}
}
