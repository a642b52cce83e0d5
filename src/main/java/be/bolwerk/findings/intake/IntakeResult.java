package be.bolwerk.findings.intake;

import java.util.List;

/**
 * What a file holds: candidates when every row is right, otherwise the wrong rows and no candidates at all, so
 * that an import is all or nothing.
 *
 * @param dateOrder the order day and month were read in (chosen, or found in the file); null when the file has
 *     no dates written with slashes, dots or dashes in that order, and for SARIF
 */
public record IntakeResult(List<Candidate> candidates, List<RowError> errors, DateOrder dateOrder) {

    public IntakeResult {
        errors = List.copyOf(errors);
        candidates = errors.isEmpty() ? List.copyOf(candidates) : List.of();
    }

    /** True when the file can be imported as a whole. */
    public boolean valid() {
        return errors.isEmpty();
    }
}
