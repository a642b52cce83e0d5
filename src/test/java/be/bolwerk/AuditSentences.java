package be.bolwerk;

import be.bolwerk.audittrail.chain.Details;
import java.util.Locale;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * Stored audit details as the audit trail page shows them, for tests that read rows straight from the table: the
 * same bundles and the same {@link Details#sentence} as the application, without starting it.
 */
public final class AuditSentences {

    private static final ResourceBundleMessageSource MESSAGES = new ResourceBundleMessageSource();

    static {
        MESSAGES.setBasename("messages");
        MESSAGES.setDefaultEncoding("UTF-8");
        MESSAGES.setFallbackToSystemLocale(false);
    }

    private AuditSentences() {}

    public static String dutch(String stored) {
        return Details.sentence(stored, MESSAGES, Locale.forLanguageTag("nl"));
    }

    public static String english(String stored) {
        return Details.sentence(stored, MESSAGES, Locale.ENGLISH);
    }
}
