package be.bolwerk.assessment.web;

import be.bolwerk.assessment.evaluation.Answer;
import be.bolwerk.assessment.evaluation.AnswerField;
import be.bolwerk.assessment.evaluation.AnswerInput;
import be.bolwerk.assessment.evaluation.Merge;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A save that met a colleague's save of the same field, as the page shows it: who saved what when, and per
 * field either the merged value (kept as is) or both versions to choose from. Nothing the person typed is
 * lost: their version is preselected, and their texts stay editable.
 *
 * @param revision the stored revision the merge form saves against
 */
public record ConflictView(
        String ref, String domId, String theirName, String theirTime, int revision, List<Field> fields) {

    /**
     * One field of the merge form. {@code kind}: "level" (0–5 or empty), "choice" (not applicable: "true" or
     * "false") or "text". A field without conflict carries only {@code kept}.
     */
    public record Field(String name, String kind, boolean conflict, String kept, String theirs, String mine) {

        public boolean theirsEmpty() {
            return theirs == null || theirs.isEmpty();
        }
    }

    static ConflictView of(
            String ref,
            String domId,
            Answer theirs,
            AnswerInput mine,
            Merge merge,
            String theirName,
            String theirTime) {
        List<Field> fields = new ArrayList<>();
        for (AnswerField field : AnswerField.values()) {
            String kind = switch (field) {
                case DOCUMENTATION, IMPLEMENTATION -> "level";
                case NOT_APPLICABLE -> "choice";
                case JUSTIFICATION, COMMENT -> "text";
            };
            fields.add(new Field(
                    field.formName(),
                    kind,
                    merge.conflicts().contains(field),
                    text(field.of(merge.merged())),
                    text(field.of(theirs)),
                    text(field.of(mine))));
        }
        return new ConflictView(ref, domId, theirName, theirTime, theirs.revision(), List.copyOf(fields));
    }

    private static String text(Object value) {
        return Objects.toString(value, "");
    }
}
