package be.bolwerk.framework.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.bolwerk.TestFiles;
import be.bolwerk.shared.Refusal;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The format is recognised from the file, and a file of another kind is refused with what it is, in Dutch,
 * never with a class name: on the real NIST catalogs, a Bolwerk file, and the real catalog with its top-level
 * model renamed to the other OSCAL models.
 */
class FormatDetectionTests {

    private final FormatDetection detection =
            new FormatDetection(JsonMapper.builder().build());
    private final ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
    private Path file;

    FormatDetectionTests() {
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
    }

    @AfterEach
    void remove() throws IOException {
        if (file != null) {
            Files.deleteIfExists(file);
        }
    }

    private Path file(String content) throws IOException {
        file = Files.createTempFile("detect-", ".json");
        Files.writeString(file, content);
        return file;
    }

    private String refusal(Path path, FrameworkImports.Kind claimed) {
        Refusal refusal = org.assertj.core.api.Assertions.catchThrowableOfType(
                Refusal.class, () -> detection.detect(path, claimed));
        assertThat(refusal).as("refused").isNotNull();
        return messages.getMessage(refusal.messageKey(), refusal.arguments(), Locale.forLanguageTag("nl"));
    }

    @Test
    void catalogsAndBolwerkFilesAreRecognised() throws IOException {
        assertThat(detection.detect(TestFiles.NIST_LOW, null)).isEqualTo(FrameworkImports.Kind.OSCAL);
        assertThat(detection.detect(TestFiles.NIST_LOW_REV4, null)).isEqualTo(FrameworkImports.Kind.OSCAL);
        assertThat(detection.detect(file("{\"format\":\"bolwerk-framework/1\",\"code\":\"x\"}"), null))
                .isEqualTo(FrameworkImports.Kind.BOLWERK);
    }

    @Test
    void aMismatchSaysWhatTheFileIsInDutch() throws IOException {
        assertThat(refusal(TestFiles.NIST_LOW, FrameworkImports.Kind.BOLWERK))
                .isEqualTo("Dit bestand is een OSCAL-catalogus, geen raamwerk in het formaat van Bolwerk.");
        assertThat(refusal(file("{\"format\":\"bolwerk-framework/1\"}"), FrameworkImports.Kind.OSCAL))
                .isEqualTo("Dit bestand is een raamwerk in het formaat van Bolwerk, geen OSCAL-catalogus.");
    }

    @Test
    void otherOscalModelsAreNamedNotParsed() throws IOException {
        String catalog = Files.readString(TestFiles.NIST_LOW_REV4);

        assertThat(refusal(file(catalog.replaceFirst("\"catalog\"", "\"profile\"")), null))
                .startsWith("Dit bestand is een OSCAL-profiel, geen catalogus.")
                .doesNotContain("Exception", "be.bolwerk", "java.");
        assertThat(refusal(file(catalog.replaceFirst("\"catalog\"", "\"system-security-plan\"")), null))
                .isEqualTo("Dit bestand is een ander OSCAL-document (system-security-plan), geen catalogus.");
        assertThat(refusal(file("{\"hello\":[1,2,3]}"), null))
                .isEqualTo("Dit bestand is geen OSCAL-catalogus en geen raamwerk in het formaat van Bolwerk.");
    }

    @Test
    void brokenJsonIsLeftToTheParserThatSaysWhereItBroke() throws IOException {
        assertThat(detection.detect(file("{\"catalog\": {\"metadata\": nee"), null))
                .isEqualTo(FrameworkImports.Kind.OSCAL);
        assertThat(detection.detect(file("nee"), null)).isEqualTo(FrameworkImports.Kind.BOLWERK);
        assertThat(detection.detect(file("nee"), FrameworkImports.Kind.OSCAL)).isEqualTo(FrameworkImports.Kind.OSCAL);
        assertThatThrownBy(() -> detection.detect(file("[\"catalog\"]"), null)).isInstanceOf(Refusal.class);
    }
}
