package be.bolwerk.audittrail.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the documented offline verification as its own process — the README command minus {@code -jar}, since
 * the jar is packaged after the tests — against an H2 file database in a temporary folder, configured through
 * the same environment variables as production. Proves it starts without the web stack and answers with the
 * documented exit codes.
 */
class VerifyCommandProcessTests {

    private static final String KEY = "process-test-audit-trail-key-0123456789";

    @TempDir
    Path folder;

    @Test
    void theReadmeCommandExitsZeroWhenIntactAndThreeWhenTampered() throws Exception {
        String url = "jdbc:h2:file:" + folder.resolve("bolwerk") + ";MODE=PostgreSQL;DEFAULT_NULL_ORDERING=HIGH";

        // The first run creates the schema (Flyway) and finds the empty chain intact.
        assertThat(verify(url, "ops").exitCode()).isZero();

        Checkpoint head = appendRows(url, 3);
        Run intact = verify(url, "ops", "--audit-checkpoint=" + head);
        assertThat(intact.exitCode()).as(intact.output()).isZero();
        assertThat(intact.output()).contains("Audit trail intact: 3 rows verified");

        execute(url, "UPDATE audit_event SET details = 'nothing happened' WHERE seq = 2");
        Run edited = verify(url, "ops");
        assertThat(edited.exitCode()).as(edited.output()).isEqualTo(VerifyCommand.BROKEN);
        assertThat(edited.output()).contains("Audit trail broken at row 2 (EDITED)");

        Run malformed = verify(url, "ops", "--audit-checkpoint=yesterday");
        assertThat(malformed.exitCode()).as(malformed.output()).isEqualTo(VerifyCommand.BAD_USAGE);
    }

    @Test
    void theProductionProfileStillRefusesTheEmbeddedDatabaseForTheCommand() throws Exception {
        String url = "jdbc:h2:file:" + folder.resolve("bolwerk") + ";MODE=PostgreSQL";

        Run refused = verify(url, "prod");

        assertThat(refused.exitCode()).isNotIn(0, VerifyCommand.BROKEN);
        assertThat(refused.output()).contains("Refusing to start the prod profile", "not a PostgreSQL URL");
        assertThat(Files.exists(folder.resolve("bolwerk.mv.db")))
                .as("refused before touching the database")
                .isFalse();
    }

    private record Run(int exitCode, String output) {}

    private Run verify(String url, String profile, String... extra) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xshare:off",
                "-cp",
                System.getProperty("java.class.path"),
                "be.bolwerk.BolwerkApplication",
                "--verify-audit-trail",
                "--spring.main.web-application-type=none"));
        command.addAll(List.of(extra));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> environment = builder.environment();
        environment.put("SPRING_PROFILES_ACTIVE", profile);
        environment.put("SPRING_DATASOURCE_URL", url);
        environment.put("SPRING_DATASOURCE_USERNAME", "sa");
        environment.put("SPRING_DATASOURCE_PASSWORD", "");
        environment.put("BOLWERK_AUDITTRAIL_KEY", KEY);
        environment.put("BOLWERK_IDENTITY_SECRETKEY", "process-test-identity-secret-key-0123456789");
        Path log = Files.createTempFile(folder, "verify", ".log");
        builder.redirectOutput(log.toFile());
        Process process = builder.start();
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("the verification did not end within three minutes");
        }
        return new Run(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }

    /** Appends rows as the application does, with the same key: the chain the process must find intact. */
    private static Checkpoint appendRows(String url, int count) throws SQLException {
        ChainHasher hasher = new ChainHasher(new AuditTrailProperties(KEY));
        String previous = ChainHasher.GENESIS;
        try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
            for (long seq = 1; seq <= count; seq++) {
                Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
                String details = "process test row " + seq;
                String hash = hasher.hash(
                        seq,
                        previous,
                        new ChainHasher.Row(at, "EXPORT", "SUCCESS", null, "system", null, null, details));
                try (PreparedStatement insert = connection.prepareStatement("""
                        INSERT INTO audit_event (seq, occurred_at, event_type, outcome, actor, details, previous_hash,
                            hash) VALUES (?, ?, 'EXPORT', 'SUCCESS', 'system', ?, ?, ?)
                        """)) {
                    insert.setLong(1, seq);
                    insert.setObject(2, at.atOffset(ZoneOffset.UTC));
                    insert.setString(3, details);
                    insert.setString(4, previous);
                    insert.setString(5, hash);
                    insert.executeUpdate();
                }
                previous = hash;
            }
            try (PreparedStatement head = connection.prepareStatement(
                    "UPDATE audit_chain_head SET seq = ?, hash = ?, mac = ? WHERE id = 1")) {
                head.setLong(1, count);
                head.setString(2, previous);
                head.setString(3, hasher.headMac(count, previous));
                head.executeUpdate();
            }
        }
        return new Checkpoint(count, previous, null);
    }

    private static void execute(String url, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, "sa", "");
                var statement = connection.createStatement()) {
            statement.executeUpdate(sql);
        }
    }
}
