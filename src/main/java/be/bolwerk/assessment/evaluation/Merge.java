package be.bolwerk.assessment.evaluation;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A save based on an older revision, merged field by field with what a colleague saved meanwhile. For each
 * field: the same value on both sides is no question; a field only this person changed (the stored value is
 * still the one their page showed) takes theirs; a field only the colleague changed keeps the colleague's;
 * a field both changed differently is a conflict the person resolves. Without the state their page showed
 * (an answer older than the revision history), every differing field is a conflict: nothing is guessed.
 *
 * @param merged what would be stored: the result for the fields without conflict, the person's own value for
 *     the fields in conflict
 * @param conflicts the fields both changed differently; empty when the merge can be saved as it is
 */
public record Merge(AnswerInput merged, Set<AnswerField> conflicts) {

    public Merge {
        conflicts = conflicts.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(conflicts));
    }

    /**
     * @param base the state the person's page showed, {@code null} when it is no longer known
     * @param stored what is stored now
     * @param mine what the person sent
     */
    static Merge of(Answer base, Answer stored, AnswerInput mine) {
        Map<AnswerField, Object> result = new EnumMap<>(AnswerField.class);
        Set<AnswerField> conflicts = EnumSet.noneOf(AnswerField.class);
        for (AnswerField field : AnswerField.values()) {
            Object own = field.of(mine);
            Object theirs = field.of(stored);
            if (Objects.equals(own, theirs)) {
                result.put(field, theirs);
            } else if (base != null && Objects.equals(own, field.of(base))) {
                result.put(field, theirs);
            } else if (base != null && Objects.equals(theirs, field.of(base))) {
                result.put(field, own);
            } else {
                result.put(field, own);
                conflicts.add(field);
            }
        }
        // "Not applicable" empties both maturities: a maturity in conflict with a change of that choice is a
        // conflict about the choice as well, so the person sees and decides both together.
        boolean maturityInConflict =
                conflicts.contains(AnswerField.DOCUMENTATION) || conflicts.contains(AnswerField.IMPLEMENTATION);
        if (maturityInConflict && mine.notApplicable() != stored.notApplicable()) {
            conflicts.add(AnswerField.NOT_APPLICABLE);
        }
        boolean na = (Boolean) result.get(AnswerField.NOT_APPLICABLE);
        if (na) {
            // One person marked it not applicable while the other set a maturity: the choice is theirs to make.
            for (AnswerField maturity : new AnswerField[] {AnswerField.DOCUMENTATION, AnswerField.IMPLEMENTATION}) {
                if (result.get(maturity) != null) {
                    conflicts.add(maturity);
                    conflicts.add(AnswerField.NOT_APPLICABLE);
                }
            }
        }
        AnswerInput merged = new AnswerInput(
                (Integer) result.get(AnswerField.DOCUMENTATION),
                (Integer) result.get(AnswerField.IMPLEMENTATION),
                na,
                (String) result.get(AnswerField.JUSTIFICATION),
                (String) result.get(AnswerField.COMMENT),
                stored.revision());
        return new Merge(merged, conflicts);
    }

    public boolean clean() {
        return conflicts.isEmpty();
    }

    public boolean conflicts(String formName) {
        return AnswerField.named(formName).map(conflicts::contains).orElse(false);
    }
}
