package be.bolwerk.framework.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.bolwerk.TestFiles;
import be.bolwerk.framework.FrameworkNode;
import be.bolwerk.shared.Refusal;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * OSCAL catalogs, proven on the real NIST SP 800-53 rev 5 low baseline (18 groups, 149 controls counting
 * enhancements) and on broken copies of it: truncated, or with its catalog renamed.
 */
class OscalTests {

    static final Path NIST_LOW = TestFiles.NIST_LOW;

    private final Oscal oscal = new Oscal(JsonMapper.builder().build());

    private FrameworkDraft read(byte[] bytes) {
        return oscal.read(new ByteArrayInputStream(bytes));
    }

    @Test
    void theNistLowBaselineBecomesEighteenAreasWith149Controls() throws IOException {
        FrameworkDraft draft;
        try (InputStream in = Files.newInputStream(NIST_LOW)) {
            draft = oscal.read(in);
        }

        assertThat(draft.areas()).hasSize(18);
        assertThat(draft.controlCount()).isEqualTo(149);
        assertThat(draft.areas().stream().mapToInt(a -> a.children().size()).sum())
                .as("controls at the first level")
                .isEqualTo(131);
        assertThat(draft.code()).isEqualTo("nist-special-publication-800-53-revision");
        assertThat(draft.version()).isEqualTo("5.1.1+u4");
        assertThat(draft.language()).isEqualTo("en");

        FrameworkNode accessControl = draft.areas().get(0);
        assertThat(accessControl.ref()).isEqualTo("ac");
        assertThat(accessControl.title()).isEqualTo("Access Control");
        FrameworkNode ac1 = accessControl.children().get(0);
        assertThat(ac1.ref()).isEqualTo("ac-1");
        assertThat(ac1.title()).isEqualTo("AC-1 Policy and Procedures");
        assertThat(ac1.guidance())
                .contains("a. Develop, document, and disseminate to [")
                .doesNotContain("{{ insert");
        assertThat(ac1.guidance().length()).isLessThanOrEqualTo(8000);
        assertThat(draft.areas().stream()
                        .flatMap(FrameworkNode::walk)
                        .filter(n -> !n.children().isEmpty() && n.isControl()))
                .as("controls with enhancements below them")
                .isNotEmpty();
    }

    @Test
    void aTruncatedCatalogIsRefusedWithWhereItBroke() throws IOException {
        byte[] whole = Files.readAllBytes(NIST_LOW);
        byte[] truncated = Arrays.copyOf(whole, whole.length / 3);

        assertThatThrownBy(() -> read(truncated)).isInstanceOfSatisfying(Refusal.class, e -> {
            assertThat(e.messageKey()).isEqualTo("framework.invalid.json");
            assertThat((String) e.arguments()[0]).matches("\\d+:\\d+");
        });
    }

    @Test
    void aFileCutOffAfterTheGroupsIsStillRefused() throws IOException {
        String whole = Files.readString(NIST_LOW, StandardCharsets.UTF_8);
        String cut = whole.substring(0, whole.indexOf("\"back-matter\""));

        assertThatThrownBy(() -> read(cut.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(Refusal.class)
                .extracting(e -> ((Refusal) e).messageKey())
                .isIn("framework.invalid.json", "framework.invalid.oscal");
    }

    @Test
    void aFileWithoutACatalogIsRefused() throws IOException {
        String renamed = Files.readString(NIST_LOW, StandardCharsets.UTF_8).replaceFirst("\"catalog\"", "\"profile\"");

        assertThatThrownBy(() -> read(renamed.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(Refusal.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("framework.invalid.oscal");
                    assertThat((String) e.arguments()[0]).isEqualTo("catalog");
                });
    }

    @Test
    void codesFromTitlesAreShortAndPlain() {
        assertThat(Oscal.code("NIST Special Publication 800-53 Revision 5.1.1 LOW IMPACT BASELINE"))
                .isEqualTo("nist-special-publication-800-53-revision");
        assertThat(Oscal.code("!")).isEqualTo("oscal-catalog");
    }
}
