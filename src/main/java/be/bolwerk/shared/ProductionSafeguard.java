package be.bolwerk.shared;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Refuses to start the production profile with anything meant for demonstrations: the demo profile, the
 * published demo password, the demo audit-trail key, the fictional CRT on-call mailbox or hotline, or the embedded
 * H2 database. Runs before any bean exists, so a misconfigured
 * production node never touches its database. Registered in {@code META-INF/spring.factories}.
 */
public class ProductionSafeguard implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        check(event.getEnvironment());
    }

    static void check(ConfigurableEnvironment environment) {
        List<String> profiles = Arrays.asList(environment.getActiveProfiles());
        if (!profiles.contains("prod")) {
            return;
        }
        List<String> problems = new ArrayList<>();
        if (profiles.contains("demo")) {
            problems.add("the demo profile is active");
        }
        String demoPassword = environment.getProperty("bolwerk.identity.demo-password");
        if (demoPassword != null && !demoPassword.isBlank()) {
            problems.add("bolwerk.identity.demo-password is set");
        }
        String demoTotp = environment.getProperty("bolwerk.identity.demo-totp-secret");
        if (demoTotp != null && !demoTotp.isBlank()) {
            problems.add("bolwerk.identity.demo-totp-secret is set");
        }
        String auditKey = environment.getProperty("bolwerk.audittrail.key", "");
        if (auditKey.length() < 32 || auditKey.startsWith("DEMO-ONLY")) {
            problems.add("bolwerk.audittrail.key is missing, shorter than 32 characters or the demo key"
                    + " (set BOLWERK_AUDITTRAIL_KEY)");
        }
        String secretKey = environment.getProperty("bolwerk.identity.secret-key", "");
        if (secretKey.length() < 32 || secretKey.startsWith("DEMO-ONLY")) {
            problems.add("bolwerk.identity.secret-key is missing, shorter than 32 characters or the demo key"
                    + " (set BOLWERK_IDENTITY_SECRETKEY)");
        }
        // The incident defaults are fictional on purpose (IncidentProperties): in production a severe report must
        // alert a real on-call mailbox, and a municipality under attack must not be shown a number that rings nowhere.
        String onCall =
                environment.getProperty("bolwerk.incident.on-call-address", "").strip();
        if (onCall.isEmpty() || onCall.toLowerCase(java.util.Locale.ROOT).endsWith(".invalid")) {
            problems.add(
                    "bolwerk.incident.on-call-address is missing or fictional (set BOLWERK_INCIDENT_ONCALLADDRESS)");
        }
        String hotlineDigits =
                environment.getProperty("bolwerk.incident.hotline", "").replaceAll("[^0-9]", "");
        if (hotlineDigits.length() < 6 || hotlineDigits.replaceFirst("^32", "").matches("[0-9]0*")) {
            problems.add("bolwerk.incident.hotline is missing or fictional (set BOLWERK_INCIDENT_HOTLINE)");
        }
        String url;
        try {
            url = environment.getProperty("spring.datasource.url", "");
        } catch (IllegalArgumentException unresolved) {
            url = "";
        }
        if (!url.startsWith("jdbc:postgresql:")) {
            problems.add("spring.datasource.url is not a PostgreSQL URL (set SPRING_DATASOURCE_URL)");
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Refusing to start the prod profile: " + String.join("; ", problems));
        }
    }
}
