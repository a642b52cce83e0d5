package be.bolwerk.shared;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.bolwerk.BolwerkApplication;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** The production profile refuses demo data, demo secrets and the embedded database before anything starts. */
class ProductionSafeguardTests {

    private static final String POSTGRES = "--spring.datasource.url=jdbc:postgresql://127.0.0.1:1/bolwerk";

    /** Command-line arguments outrank the test run's own datasource settings. */
    private static void start(String... args) {
        new SpringApplicationBuilder(BolwerkApplication.class)
                .properties("spring.main.web-application-type=none", "spring.main.banner-mode=off")
                .run(args)
                .close();
    }

    @Test
    void refusesTheDemoProfile() {
        assertThatThrownBy(() -> start("--spring.profiles.active=prod,demo", POSTGRES))
                .hasMessageContaining("the demo profile is active");
    }

    @Test
    void refusesTheDemoPassword() {
        assertThatThrownBy(() -> start(
                        "--spring.profiles.active=prod",
                        POSTGRES,
                        "--bolwerk.identity.demo-password=bolwerk-demo-2026"))
                .hasMessageContaining("bolwerk.identity.demo-password is set");
    }

    @Test
    void refusesTheEmbeddedDatabase() {
        assertThatThrownBy(() -> start("--spring.profiles.active=prod", "--spring.datasource.url=jdbc:h2:mem:prod"))
                .hasMessageContaining("not a PostgreSQL URL");
    }

    @Test
    void refusesTheDemoAuditTrailKey() {
        assertThatThrownBy(() -> start(
                        "--spring.profiles.active=prod",
                        POSTGRES,
                        "--bolwerk.audittrail.key=DEMO-ONLY-audit-trail-hmac-key-never-use-in-production"))
                .hasMessageContaining("bolwerk.audittrail.key");
    }

    @Test
    void refusesTheDemoSecretKeyAndAMissingOne() {
        assertThatThrownBy(() -> start(
                        "--spring.profiles.active=prod",
                        POSTGRES,
                        "--bolwerk.identity.secret-key=DEMO-ONLY-identity-secret-key-never-use-in-production"))
                .hasMessageContaining("bolwerk.identity.secret-key");
        assertThatThrownBy(() -> start("--spring.profiles.active=prod", POSTGRES))
                .hasMessageContaining("bolwerk.identity.secret-key is missing");
    }

    @Test
    void refusesTheFictionalOnCallMailboxAndHotline() {
        assertThatThrownBy(() -> start("--spring.profiles.active=prod", POSTGRES))
                .hasMessageContaining("bolwerk.incident.on-call-address is missing")
                .hasMessageContaining("bolwerk.incident.hotline is missing");
        assertThatThrownBy(() -> start(
                        "--spring.profiles.active=prod",
                        POSTGRES,
                        "--bolwerk.incident.on-call-address=wacht@crt.invalid",
                        "--bolwerk.incident.hotline=+32 2 000 00 00"))
                .hasMessageContaining("bolwerk.incident.on-call-address is missing or fictional")
                .hasMessageContaining("bolwerk.incident.hotline is missing or fictional");
    }

    @Test
    void acceptsACleanProductionEnvironment() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.setActiveProfiles("prod");
        environment
                .getPropertySources()
                .addFirst(new MapPropertySource(
                        "test",
                        Map.of(
                                "spring.datasource.url",
                                "jdbc:postgresql://db.internal/bolwerk",
                                "bolwerk.audittrail.key",
                                "a-real-key-from-the-environment-0123456789",
                                "bolwerk.identity.secret-key",
                                "another-real-key-from-the-environment-9876",
                                "bolwerk.incident.on-call-address",
                                "crt-wacht@vlaanderen.example",
                                "bolwerk.incident.hotline",
                                "+32 2 555 01 23")));

        assertThatCode(() -> ProductionSafeguard.check(environment)).doesNotThrowAnyException();
    }

    @Test
    void leavesOtherProfilesAlone() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.setActiveProfiles("demo");

        assertThatCode(() -> ProductionSafeguard.check(environment)).doesNotThrowAnyException();
    }
}
