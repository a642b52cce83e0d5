package be.bolwerk.identity;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the identity module ({@code bolwerk.identity.*}).
 *
 * @param demoPassword the published password of the demo accounts; set only by the demo profile, refused by
 *     the production profile
 * @param demoTotpSecret the published authenticator secret (base32) of the demo accounts; demo profile only,
 *     refused by the production profile
 */
@ConfigurationProperties("bolwerk.identity")
record IdentityProperties(String demoPassword, String demoTotpSecret) {}
