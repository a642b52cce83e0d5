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
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * OSCAL catalogs, proven on real NIST files: the SP 800-53 rev 5 low baseline (18 groups, 149 controls counting
 * enhancements, 24 parameter choices that insert another parameter), the rev 4 low baseline (another catalog),
 * a part of the full rev 5 catalog where a control is withdrawn, and broken copies: truncated, or renamed.
 */
class OscalTests {

    static final Path NIST_LOW = TestFiles.NIST_LOW;

    private final Oscal oscal = new Oscal(JsonMapper.builder().build());

    private FrameworkDraft read(byte[] bytes) {
        return oscal.read(new ByteArrayInputStream(bytes));
    }

    private FrameworkDraft read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return oscal.read(in);
        }
    }

    private static FrameworkNode node(FrameworkDraft draft, String ref) {
        return draft.areas().stream()
                .flatMap(FrameworkNode::walk)
                .filter(n -> n.ref().equals(ref))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + ref));
    }

    private static Stream<String> texts(FrameworkDraft draft) {
        return draft.areas().stream()
                .flatMap(FrameworkNode::walk)
                .flatMap(n -> Stream.of(n.title(), n.description(), n.guidance()))
                .filter(java.util.Objects::nonNull);
    }

    @Test
    void theNistLowBaselineBecomesEighteenAreasWith149Controls() throws IOException {
        FrameworkDraft draft = read(NIST_LOW);

        assertThat(draft.areas()).hasSize(18);
        assertThat(draft.controlCount()).isEqualTo(149);
        assertThat(draft.areas().stream().mapToInt(a -> a.children().size()).sum())
                .as("controls at the first level")
                .isEqualTo(131);
        assertThat(draft.version()).isEqualTo("5.1.1+u4");
        assertThat(draft.language()).isEqualTo("en");

        FrameworkNode accessControl = draft.areas().get(0);
        assertThat(accessControl.ref()).isEqualTo("ac");
        assertThat(accessControl.title()).isEqualTo("Access Control");
        FrameworkNode ac1 = accessControl.children().get(0);
        assertThat(ac1.ref()).isEqualTo("ac-1");
        assertThat(ac1.description())
                .startsWith("a. Develop, document, and disseminate to [Assignment: ")
                .contains("\n  1. [Selection (one or more): organization-level; mission/business process-level; "
                        + "system-level] access control policy that:\n    (a) Addresses purpose")
                .doesNotContain("{{");
        assertThat(ac1.guidance()).startsWith("Access control policy and procedures address");
        assertThat(ac1.guidance().length()).isLessThanOrEqualTo(8000);
        assertThat(draft.areas().stream()
                        .flatMap(FrameworkNode::walk)
                        .filter(n -> !n.children().isEmpty() && n.isControl()))
                .as("controls with enhancements below them")
                .isNotEmpty();
    }

    @Test
    void noParameterPlaceholderIsLeftInAnyOfTheRealCatalogs() throws IOException {
        for (Path catalog : List.of(NIST_LOW, TestFiles.NIST_LOW_REV4, TestFiles.NIST_AC2_PART)) {
            assertThat(texts(read(catalog)).filter(t -> t.contains("{{") || t.contains("insert:")))
                    .as(catalog.getFileName().toString())
                    .isEmpty();
        }
    }

    @Test
    void aChoiceThatInsertsAParameterShowsThatParameterToo() throws IOException {
        FrameworkDraft draft = read(NIST_LOW);

        // AC-7 b.: one of the 24 choices of the baseline that insert another parameter, rendered as NIST prints it.
        assertThat(node(draft, "ac-7").description())
                .contains("[Selection (one or more): lock the account or node for [Assignment: time period]; "
                        + "lock the account or node until released by an administrator; "
                        + "delay next logon prompt per [Assignment: delay algorithm]; notify system administrator; "
                        + "take other [Assignment: action]]");
        long choicesWithParameters = draft.areas().stream()
                .flatMap(FrameworkNode::walk)
                .map(FrameworkNode::description)
                .filter(java.util.Objects::nonNull)
                .mapToLong(OscalTests::choicesInsertingAParameter)
                .sum();
        assertThat(choicesWithParameters)
                .as("every one of the baseline's 24 choices that insert a parameter shows it")
                .isEqualTo(24);
    }

    /** Choices of the "[Selection…: a; b]" in the text that themselves hold a rendered parameter ("[…]"). */
    private static long choicesInsertingAParameter(String text) {
        long count = 0;
        for (int start = text.indexOf("[Selection"); start >= 0; start = text.indexOf("[Selection", start + 1)) {
            int depth = 0;
            int colon = text.indexOf(": ", start) + 2;
            StringBuilder choice = new StringBuilder();
            for (int i = colon; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '[') {
                    depth++;
                } else if (c == ']' && depth-- == 0) {
                    count += choice.indexOf("[") >= 0 ? 1 : 0;
                    break;
                }
                if (depth == 0 && text.startsWith("; ", i)) {
                    count += choice.indexOf("[") >= 0 ? 1 : 0;
                    choice.setLength(0);
                } else {
                    choice.append(c);
                }
            }
        }
        return count;
    }

    @Test
    void withdrawnControlsAreLeftOutSoNobodyIsAskedThem() throws IOException {
        String part = Files.readString(TestFiles.NIST_AC2_PART, StandardCharsets.UTF_8);
        assertThat(part)
                .as("the real catalog marks AC-2(10) withdrawn")
                .contains("{\"name\":\"status\",\"value\":\"withdrawn\"}");

        FrameworkDraft draft = read(TestFiles.NIST_AC2_PART);

        FrameworkNode ac2 = node(draft, "ac-2");
        assertThat(ac2.children()).extracting(FrameworkNode::ref).hasSize(12).doesNotContain("ac-2.10");
        assertThat(draft.controlCount()).isEqualTo(13);
        assertThat(texts(draft)).noneMatch(t -> t.contains("Shared and Group Account Credential Change"));
    }

    @Test
    void statementItemsKeepTheirLabelsAndNesting() throws IOException {
        FrameworkNode ac2 = node(read(TestFiles.NIST_AC2_PART), "ac-2");

        List<FrameworkNode.RequirementItem> items = ac2.requirement();
        assertThat(items)
                .extracting(FrameworkNode.RequirementItem::label)
                .containsExactly("a.", "b.", "c.", "d.", "e.", "f.", "g.", "h.", "i.", "j.", "k.", "l.");
        FrameworkNode.RequirementItem d = items.get(3);
        assertThat(d.text()).isEqualTo("Specify:");
        assertThat(d.items()).extracting(FrameworkNode.RequirementItem::label).containsExactly("1.", "2.", "3.");
        assertThat(d.items().get(2).text())
                .isEqualTo("Access authorizations (i.e., privileges) and [Assignment: organization-defined attributes "
                        + "(as required)] for each account;");
        assertThat(items.get(7).items().get(0).text())
                .isEqualTo("[Assignment: organization-defined time period] when accounts are no longer required;");
        assertThat(ac2.guidance())
                .startsWith("Examples of system account types")
                .doesNotContain("Specify:");
        assertThat(node(read(TestFiles.NIST_AC2_PART), "ac-2.4").guidance())
                .as("links into the catalog keep only their text")
                .contains("in accordance with AU-2 and reviewed")
                .doesNotContain("(#au-2)");

        // rev 4 puts a sentence above the items: it stays a sentence of its own, the items follow it.
        FrameworkNode rev4ac1 = node(read(TestFiles.NIST_LOW_REV4), "ac-1");
        assertThat(rev4ac1.requirement())
                .extracting(FrameworkNode.RequirementItem::label)
                .containsExactly(null, "a.", "b.");
        assertThat(rev4ac1.requirement().get(0).text()).isEqualTo("The organization:");
        assertThat(rev4ac1.requirement().get(1).items())
                .extracting(FrameworkNode.RequirementItem::label)
                .containsExactly("1.", "2.");
    }

    @Test
    void titlesAreTheControlsOwnNotDoubledWithTheirLabel() throws IOException {
        FrameworkDraft draft = read(NIST_LOW);

        assertThat(node(draft, "ac-1").title()).isEqualTo("Policy and Procedures");
        assertThat(node(draft, "ia-2.1").title()).isEqualTo("Multi-factor Authentication to Privileged Accounts");
        assertThat(draft.areas().stream().flatMap(FrameworkNode::walk).map(FrameworkNode::title))
                .noneMatch(title -> title.matches("(?i)^[a-z]{2}-\\d+.*"));
    }

    @Test
    void twoDifferentCatalogsNeverShareACodeSoNeitherBecomesAVersionOfTheOther() throws IOException {
        FrameworkDraft rev5 = read(NIST_LOW);
        FrameworkDraft rev4 = read(TestFiles.NIST_LOW_REV4);

        assertThat(rev5.title()).isEqualTo("NIST Special Publication 800-53 Revision 5.1.1 LOW IMPACT BASELINE");
        assertThat(rev4.title()).isEqualTo("NIST Special Publication 800-53 Revision 4 LOW IMPACT BASELINE");
        assertThat(rev5.code()).isNotEqualTo(rev4.code()).startsWith("nist-special-publication-800-53-");
        assertThat(rev4.code()).startsWith("nist-special-publication-800-53-");
        assertThat(List.of(rev5.code(), rev4.code())).allMatch(code -> code.length() <= 40);
        assertThat(read(NIST_LOW).code())
                .as("the same catalog always gets the same code")
                .isEqualTo(rev5.code());
        assertThat(rev4.controlCount()).isEqualTo(124);
        assertThat(rev4.areas()).hasSize(17);
    }

    @Test
    void theImporterCanChooseTheCode() throws IOException {
        FrameworkDraft chosen;
        try (InputStream in = Files.newInputStream(TestFiles.NIST_LOW_REV4)) {
            chosen = oscal.read(in, "nist-800-53-low");
        }
        assertThat(chosen.code()).isEqualTo("nist-800-53-low");
        assertThatThrownBy(() -> {
                    try (InputStream in = Files.newInputStream(TestFiles.NIST_LOW_REV4)) {
                        oscal.read(in, "NIST 800-53!");
                    }
                })
                .isInstanceOfSatisfying(
                        Refusal.class, e -> assertThat(e.messageKey()).isEqualTo("framework.invalid.chosenCode"));
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
        assertThat(Oscal.code("Baseline Informatiebeveiliging Overheid"))
                .isEqualTo("baseline-informatiebeveiliging-overheid");
        assertThat(Oscal.code("NIST Special Publication 800-53 Revision 5.1.1 LOW IMPACT BASELINE"))
                .hasSizeLessThanOrEqualTo(40)
                .matches("nist-special-publication-800-53-[0-9a-f]{8}");
        assertThat(Oscal.code("!")).isEqualTo("oscal-catalog");
    }
}
