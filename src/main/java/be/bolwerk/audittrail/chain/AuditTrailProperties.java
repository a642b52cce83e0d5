package be.bolwerk.audittrail.chain;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the audit trail ({@code bolwerk.audittrail.*}).
 *
 * @param key the HMAC key that chains the rows; from the environment in production (at least 32 characters),
 *     a published {@code DEMO-ONLY-} key in the demo profile, which the production profile refuses
 */
@ConfigurationProperties("bolwerk.audittrail")
record AuditTrailProperties(String key) {

    AuditTrailProperties {
        if (key == null || key.length() < 32) {
            throw new IllegalStateException("bolwerk.audittrail.key must be set to at least 32 characters");
        }
    }
}
