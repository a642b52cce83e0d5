package be.bolwerk.assessment.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The field-wise merge rules: only a field both people changed differently is a conflict. */
class MergeTests {

    private static final UUID COLLEAGUE = UUID.randomUUID();

    private static Answer answer(Integer doc, Integer impl, boolean na, String why, String comment, int revision) {
        return new Answer("AD01.1", doc, impl, na, why, comment, COLLEAGUE, Instant.now(), revision);
    }

    private static AnswerInput input(Integer doc, Integer impl, boolean na, String why, String comment, int basedOn) {
        return new AnswerInput(doc, impl, na, why, comment, basedOn);
    }

    @Test
    void aChangeToAnotherFieldIsNoConflictAndBothChangesAreKept() {
        Answer base = answer(2, 2, false, null, "oud", 1);
        Answer theirs = answer(4, 2, false, null, "oud", 2); // the colleague raised documentation
        AnswerInput mine = input(2, 2, false, null, "mijn nieuwe opmerking", 1); // I changed the comment

        Merge merge = Merge.of(base, theirs, mine);

        assertThat(merge.clean()).isTrue();
        assertThat(merge.merged()).isEqualTo(input(4, 2, false, null, "mijn nieuwe opmerking", 2));
    }

    @Test
    void theSameFieldChangedDifferentlyIsAConflictWithMyValueKeptForTheForm() {
        Answer base = answer(2, 2, false, null, "oud", 1);
        Answer theirs = answer(2, 2, false, null, "hun tekst", 2);
        AnswerInput mine = input(3, 2, false, null, "mijn tekst", 1);

        Merge merge = Merge.of(base, theirs, mine);

        assertThat(merge.conflicts()).containsExactly(AnswerField.COMMENT);
        assertThat(merge.merged().comment()).isEqualTo("mijn tekst");
        assertThat(merge.merged().documentation()).isEqualTo(3);
        assertThat(merge.merged().basedOn()).isEqualTo(2);
    }

    @Test
    void theSameChangeOnBothSidesIsNoConflict() {
        Answer base = answer(2, 2, false, null, null, 1);
        Answer theirs = answer(3, 2, false, null, null, 2);

        assertThat(Merge.of(base, theirs, input(3, 2, false, null, null, 1)).clean())
                .isTrue();
    }

    @Test
    void withoutTheStateThePageShowedEveryDifferenceIsAConflict() {
        Answer theirs = answer(3, 2, false, null, "hun", 5);

        Merge merge = Merge.of(null, theirs, input(3, 4, false, null, "mijn", 2));

        assertThat(merge.conflicts()).containsExactlyInAnyOrder(AnswerField.IMPLEMENTATION, AnswerField.COMMENT);
    }

    @Test
    void notApplicableAgainstAMaturityIsAConflictAboutBoth() {
        Answer base = answer(2, 2, false, null, null, 1);
        Answer theirs = answer(null, null, true, "geen eigen servers", null, 2);
        AnswerInput mine = input(4, 2, false, null, null, 1);

        Merge merge = Merge.of(base, theirs, mine);

        assertThat(merge.conflicts()).containsExactlyInAnyOrder(AnswerField.DOCUMENTATION, AnswerField.NOT_APPLICABLE);
    }

    @Test
    void aFirstAnswerOnAnEmptyPageMergesWithAColleaguesFirstAnswer() {
        Answer theirs = answer(null, null, false, null, "hun opmerking", 1);
        AnswerInput mine = input(3, 3, false, null, null, 0);

        Merge merge = Merge.of(Answer.none("AD01.1"), theirs, mine);

        assertThat(merge.clean()).isTrue();
        assertThat(merge.merged()).isEqualTo(input(3, 3, false, null, "hun opmerking", 1));
    }
}
