package be.bolwerk.findings.intake;

import be.bolwerk.findings.Severity;
import be.bolwerk.findings.cvss.CvssVector;
import java.time.LocalDate;
import java.util.List;

/**
 * One finding as a file describes it, checked but not stored: the importer turns it into a new finding, or into
 * an update of the one with the same {@link #repeatKey()}. Text is kept as text, never interpreted (a title that
 * starts with {@code =} stays that title). Optional fields are null, never blank.
 *
 * @param line the line of the file where the row (CSV) or the result object (SARIF) starts
 * @param tool the scanner that wrote a SARIF file ("CodeQL 2.5.4"); null for CSV
 * @param location where in the affected system: file and line of a SARIF result; null for CSV
 * @param vulnerabilityId a CVE or other public identifier
 * @param cwe the CWE number, without "CWE-"
 * @param foundOn the date the file gives for the finding (CSV {@code Date}), where the SLA may start
 * @param repeatKey what recognises this finding in a later import; null when the file gives nothing stable
 */
public record Candidate(
        int line,
        String tool,
        String title,
        String description,
        String impact,
        Severity severity,
        String recommendation,
        String affectedSystem,
        String location,
        String externalId,
        String vulnerabilityId,
        Integer cwe,
        CvssVector cvss,
        List<String> references,
        String ownerAddress,
        LocalDate foundOn,
        LocalDate dueDate,
        String controlRef,
        RepeatKey repeatKey) {

    public Candidate {
        references = List.copyOf(references);
    }
}
