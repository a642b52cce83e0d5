package be.bolwerk.framework.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.bolwerk.framework.FrameworkNode;
import be.bolwerk.framework.Thresholds;
import be.bolwerk.shared.Refusal;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The rules every framework passes before it is stored (docs/frameworks.md), one refusal at a time. */
class FrameworkRulesTests {

    private static FrameworkFile.Node control(String ref, String... tags) {
        return new FrameworkFile.Node(
                ref,
                "control",
                "Vraag " + ref,
                null,
                "In welke mate?",
                "Uitleg",
                List.of("Bewijs"),
                null,
                null,
                List.of(tags),
                null);
    }

    private static FrameworkFile.Node group(String ref, FrameworkFile.Node... children) {
        return new FrameworkFile.Node(
                ref, "group", "Groep " + ref, null, null, null, null, null, null, null, List.of(children));
    }

    private static FrameworkFile file(List<FrameworkFile.Node> nodes, FrameworkFile.Mapping mapping) {
        return new FrameworkFile(
                FrameworkFile.FORMAT,
                "test-raamwerk",
                "1",
                "Test",
                "nl",
                null,
                null,
                List.of(new FrameworkFile.Tag("beleid", "Beveiligingsbeleid")),
                nodes,
                mapping);
    }

    private static FrameworkFile file(FrameworkFile.Node... nodes) {
        return file(List.of(nodes), null);
    }

    private static void refused(FrameworkFile file, String key, String detail) {
        assertThatThrownBy(() -> FrameworkRules.check(file)).isInstanceOfSatisfying(Refusal.class, e -> {
            assertThat(e.messageKey()).isEqualTo("framework.invalid." + key);
            assertThat((String) e.arguments()[0]).contains(detail);
        });
    }

    @Test
    void aValidFileBecomesADraftWithDefaults() {
        FrameworkDraft draft = FrameworkRules.check(file(group("1", group("1.1", control("1.1.1", "beleid")))));

        assertThat(draft.controlCount()).isEqualTo(1);
        assertThat(draft.thresholds()).isEqualTo(Thresholds.CYFUN);
        FrameworkNode control = draft.areas().get(0).controls().get(0);
        assertThat(control.weight()).isEqualByComparingTo(BigDecimal.ONE);
        assertThat(control.keyMeasure()).isFalse();
        assertThat(control.tags()).containsExactly("beleid");
    }

    @Test
    void refusesAnotherFormat() {
        FrameworkFile other = new FrameworkFile(
                "iets-anders", "x1", "1", "T", "nl", null, null, null, List.of(group("1", control("1.1"))), null);
        refused(other, "format", "iets-anders");
    }

    @Test
    void refusesAControlAtTheTopAndAGroupUnderAControl() {
        refused(file(control("1")), "topLevel", "1");
        FrameworkFile.Node controlWithGroup = new FrameworkFile.Node(
                "1.1", "control", "V", null, null, null, null, null, null, null, List.of(group("1.1.1")));
        refused(file(group("1", controlWithGroup)), "groupInControl", "1.1.1");
    }

    @Test
    void refusesAGroupWithoutQuestions() {
        refused(file(group("1", control("1.1")), group("2", group("2.1"))), "emptyGroup", "2.1");
    }

    @Test
    void refusesDuplicateOrMalformedRefs() {
        refused(file(group("1", control("1.1"), control("1.1"))), "ref", "1.1");
        refused(file(group("1", control("1 1"))), "ref", "1 1");
    }

    @Test
    void refusesTagsOutsideTheVocabulary() {
        refused(file(group("1", control("1.1", "onbekend"))), "tag", "onbekend");
    }

    @Test
    void refusesOverlongTextsAndBadWeights() {
        FrameworkFile.Node longTitle = new FrameworkFile.Node(
                "1.1", "control", "x".repeat(301), null, null, null, null, null, null, null, null);
        refused(file(group("1", longTitle)), "tooLong", "1.1 title");
        FrameworkFile.Node zeroWeight = new FrameworkFile.Node(
                "1.1", "control", "V", null, null, null, null, BigDecimal.ZERO, null, null, null);
        refused(file(group("1", zeroWeight)), "field", "1.1 weight");
    }

    @Test
    void aMappingMustPointIntoThisVersion() {
        assertThat(FrameworkRules.check(file(
                                List.of(group("1", control("1.1"))),
                                new FrameworkFile.Mapping("0.9", Map.of("oud-1", "1.1"))))
                        .mapping())
                .containsEntry("oud-1", "1.1");
        refused(
                file(List.of(group("1", control("1.1"))), new FrameworkFile.Mapping("0.9", Map.of("oud-1", "9.9"))),
                "mapping",
                "9.9");
    }

    @Test
    void evidenceItemsStayOnOneLine() {
        FrameworkFile.Node control = new FrameworkFile.Node(
                "1.1", "control", "V", null, null, null, List.of("regel een\nregel twee"), null, null, null, null);
        assertThat(FrameworkRules.check(file(group("1", control)))
                        .areas()
                        .get(0)
                        .controls()
                        .get(0)
                        .evidence())
                .containsExactly("regel een regel twee");
    }
}
