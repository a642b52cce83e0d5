package be.bolwerk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The module structure holds: every module by name, each declaring which modules it may use, each package saying
 * in its package-info what it holds. The generated module documentation goes to {@code target/}, so a test run
 * never changes the work tree; {@code docs/architecture.md} is the hand-written overview.
 */
class ModularityTests {

    private static final List<String> MODULES = List.of(
            "assessment",
            "audit",
            "audittrail",
            "campaign",
            "engagement",
            "findings",
            "framework",
            "funding",
            "home",
            "identity",
            "incident",
            "notification",
            "organisation",
            "shared");

    private final ApplicationModules modules = ApplicationModules.of(BolwerkApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        modules.verify();
    }

    @Test
    void theModulesAreExactlyTheOnesTheArchitectureDocumentNames() throws IOException {
        assertThat(modules.stream().map(m -> m.getIdentifier().toString()))
                .containsExactlyInAnyOrderElementsOf(MODULES);
        String architecture = Files.readString(Path.of("docs/architecture.md"));
        assertThat(MODULES).allSatisfy(module -> assertThat(architecture).contains("`" + module + "`"));
    }

    /** An undeclared dependency is allowed silently; declaring them makes every new arrow a reviewed change. */
    @Test
    void everyModuleButTheOpenSharedOneDeclaresItsAllowedDependencies() throws ClassNotFoundException {
        for (String module : MODULES) {
            ApplicationModule declared =
                    Class.forName("be.bolwerk." + module + ".package-info").getAnnotation(ApplicationModule.class);
            assertThat(declared)
                    .as("@ApplicationModule on be.bolwerk.%s", module)
                    .isNotNull();
            if (module.equals("shared")) {
                assertThat(declared.type()).isEqualTo(ApplicationModule.Type.OPEN);
            } else {
                assertThat(declared.allowedDependencies())
                        .as("allowedDependencies of %s", module)
                        .isNotEmpty();
            }
        }
    }

    /** A newcomer opens a package and reads in one sentence what it holds. */
    @Test
    void everyPackageSaysWhatItHoldsInItsPackageInfo() throws IOException {
        try (Stream<Path> folders = Files.walk(Path.of("src/main/java/be/bolwerk"))) {
            List<Path> packages = folders.filter(Files::isDirectory)
                    .filter(ModularityTests::holdsJava)
                    .filter(folder -> !folder.endsWith("bolwerk"))
                    .toList();
            assertThat(packages)
                    .isNotEmpty()
                    .allSatisfy(folder -> assertThat(folder.resolve("package-info.java"))
                            .as("package-info.java of %s", folder)
                            .content()
                            .contains("/**"));
        }
    }

    @Test
    void writesModuleDocumentationIntoTarget() {
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder("target/modulith-docs"))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases();
        assertThat(Path.of("target/modulith-docs/components.puml")).exists();
    }

    private static boolean holdsJava(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.anyMatch(file -> file.toString().endsWith(".java"));
        } catch (IOException unreadable) {
            throw new IllegalStateException(unreadable);
        }
    }
}
