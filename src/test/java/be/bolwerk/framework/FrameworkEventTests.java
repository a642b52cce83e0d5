package be.bolwerk.framework;

import static org.assertj.core.api.Assertions.assertThat;

import be.bolwerk.framework.imports.FrameworkImports;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.TestPropertySource;

/**
 * The event the framework module promises other modules (ADR 0015), with the module bootstrapped alone: a
 * finished import publishes {@link FrameworkImported}, naming the version and who started it, although the
 * import runs on another thread.
 */
@ApplicationModuleTest(extraIncludes = "shared")
// A database of its own: the schema's one Java migration (V19) belongs to audittrail, which is not bootstrapped
// here, so this context must not migrate (or validate) the database the whole application's tests share. The
// contract is about events, not SQL, so it runs on H2 in the PostgreSQL run too.
@TestPropertySource(
        properties = {
            "spring.datasource.url=jdbc:h2:mem:framework-events;MODE=PostgreSQL;DB_CLOSE_DELAY=-1;DEFAULT_NULL_ORDERING=HIGH",
            "spring.datasource.username=sa",
            "spring.datasource.password="
        })
class FrameworkEventTests {

    private final FrameworkImports imports;
    private final Frameworks frameworks;

    FrameworkEventTests(@Autowired FrameworkImports imports, @Autowired Frameworks frameworks) {
        this.imports = imports;
        this.frameworks = frameworks;
    }

    @Test
    void anImportPublishesFrameworkImported(Scenario scenario) throws Exception {
        FrameworkSummary quickscan = frameworks.all().stream()
                .filter(f -> f.code().equals("quickscan-actiedomeinen"))
                .findFirst()
                .orElseThrow();
        ByteArrayOutputStream exported = new ByteArrayOutputStream();
        frameworks.export(quickscan.id(), exported);
        String version = "scenario-" + UUID.randomUUID().toString().substring(0, 8);
        Path file = Files.createTempFile("bolwerk-scenario-", ".json");
        Files.writeString(
                file,
                exported.toString(StandardCharsets.UTF_8)
                        .replace("\"version\" : \"" + quickscan.version() + "\"", "\"version\" : \"" + version + "\""));
        UUID officer = UUID.randomUUID();

        scenario.stimulate(() -> {
                    try {
                        return imports.start("quickscan.json", FrameworkImports.Kind.BOLWERK, file, officer);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                })
                .andWaitAtMost(Duration.ofSeconds(60))
                .andWaitForEventOfType(FrameworkImported.class)
                .matching(event -> event.version().equals(version))
                .toArriveAndVerify(event -> {
                    assertThat(event.code()).isEqualTo("quickscan-actiedomeinen");
                    assertThat(event.source()).isEqualTo(FrameworkSource.IMPORTED);
                    assertThat(event.importedBy()).isEqualTo(officer);
                    assertThat(frameworks.get(event.id()).version()).isEqualTo(version);
                });
    }
}
