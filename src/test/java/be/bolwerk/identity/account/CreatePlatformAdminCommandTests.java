package be.bolwerk.identity.account;

import static org.assertj.core.api.Assertions.assertThat;

import be.bolwerk.identity.token.ApiTokens;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/**
 * The first-run command, run in-process: it prints a single-use enrolment link for a platform admin, refuses
 * while one exists unless forced, audits every link, and keeps the link out of the log.
 */
@SpringBootTest
@ExtendWith(OutputCaptureExtension.class)
class CreatePlatformAdminCommandTests {

    private final CreatePlatformAdminCommand command;
    private final JdbcClient jdbc;

    CreatePlatformAdminCommandTests(@Autowired CreatePlatformAdminCommand command, @Autowired JdbcClient jdbc) {
        this.command = command;
        this.jdbc = jdbc;
    }

    private record Run(int exitCode, String output) {}

    private Run run(String... args) {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        int code = command.execute(
                new DefaultApplicationArguments(args), new PrintStream(printed, true, StandardCharsets.UTF_8));
        return new Run(code, printed.toString(StandardCharsets.UTF_8));
    }

    private long invitationsFor(String email) {
        return jdbc.sql("SELECT COUNT(*) FROM persona_invitation WHERE email = :e AND persona = 'PLATFORM_ADMIN'")
                .param("e", email)
                .query(Long.class)
                .single();
    }

    @Test
    void refusesWhileAPlatformAdminExistsUnlessForcedAndAuditsTheLink(CapturedOutput log) {
        String email = "noodgeval-" + UUID.randomUUID() + "@test.invalid";

        Run refused = run("--create-platform-admin=" + email);
        assertThat(refused.exitCode()).isEqualTo(CreatePlatformAdminCommand.ADMIN_EXISTS);
        assertThat(refused.output()).contains("Refused: a platform admin already exists");
        assertThat(invitationsFor(email)).isZero();

        Run forced = run("--create-platform-admin=" + email, "--force");
        assertThat(forced.exitCode()).isZero();
        Matcher link = Pattern.compile("/invitation/([A-Za-z0-9_-]{43})").matcher(forced.output());
        assertThat(link.find()).as("the link is printed").isTrue();
        assertThat(invitationsFor(email)).isEqualTo(1);
        assertThat(jdbc.sql("""
                                SELECT details FROM audit_event WHERE event_type = 'PLATFORM_ADMIN_ENROLMENT_ISSUED'
                                ORDER BY seq DESC LIMIT 1
                                """).query(String.class).single()).contains("audit.detail.platformAdminEnrolmentForced");
        assertThat(log.getAll()).as("the token never reaches the log").doesNotContain(link.group(1));
        assertThat(jdbc.sql("SELECT token_hash FROM persona_invitation WHERE email = :e")
                        .param("e", email)
                        .query(String.class)
                        .single())
                .as("only a hash is stored")
                .isEqualTo(ApiTokens.hash(link.group(1)))
                .isNotEqualTo(link.group(1));
    }

    /** An installation without an active platform admin: the demo admins are disabled inside the test's transaction. */
    @Test
    @Transactional
    void anInstallationWithoutPlatformAdminGetsItsFirstLink() {
        jdbc.sql("""
                        UPDATE user_account SET enabled = FALSE WHERE id IN
                            (SELECT user_account_id FROM programme_role WHERE role = 'PLATFORM_ADMIN')
                        """).update();
        String email = "eerste-" + UUID.randomUUID() + "@test.invalid";

        Run issued = run("--create-platform-admin", email);

        assertThat(issued.exitCode()).isZero();
        assertThat(issued.output()).contains("/invitation/", "valid for 48 hours");
        assertThat(invitationsFor(email)).isEqualTo(1);
    }

    @Test
    void aMissingOrMalformedAddressIsAUsageError() {
        assertThat(run("--create-platform-admin").exitCode()).isEqualTo(CreatePlatformAdminCommand.USAGE);
        assertThat(run("--create-platform-admin=geen adres", "--force").exitCode())
                .isEqualTo(CreatePlatformAdminCommand.USAGE);
    }
}
