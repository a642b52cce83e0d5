package be.bolwerk.identity.account;

import static org.assertj.core.api.Assertions.assertThat;

import be.bolwerk.BolwerkApplication;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * The first-run command as an operator runs it: a separate JVM that starts Bolwerk with the option, prints the
 * link and exits with status 0 by itself. On a fresh in-memory database of its own (once, in the H2 run: the
 * PostgreSQL path is covered in-process by {@link ProductionSetupTests}).
 */
@DisabledIfSystemProperty(named = "bolwerk.test.database", matches = "PostgreSQL")
class CreatePlatformAdminProcessTests {

    @Test
    void aRealStartPrintsTheLinkAndExits(@TempDir Path dir) throws Exception {
        File output = dir.resolve("stdout.txt").toFile();
        Process process = new ProcessBuilder(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        BolwerkApplication.class.getName(),
                        "--create-platform-admin=eerste@example.org",
                        "--server.port=0",
                        "--spring.datasource.url=jdbc:h2:mem:first-run;MODE=PostgreSQL;DB_CLOSE_DELAY=-1",
                        "--logging.level.root=WARN"))
                .redirectErrorStream(true)
                .redirectOutput(output)
                .start();
        assertThat(process.waitFor(180, TimeUnit.SECONDS))
                .as("the command exits by itself")
                .isTrue();

        String printed = Files.readString(output.toPath(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(printed).isZero();
        assertThat(printed)
                .contains("Enrolment link for the platform admin eerste@example.org")
                .containsPattern("http://localhost:8080/invitation/[A-Za-z0-9_-]{43}");
    }
}
