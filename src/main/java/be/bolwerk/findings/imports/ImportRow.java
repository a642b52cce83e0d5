package be.bolwerk.findings.imports;

import be.bolwerk.findings.Severity;
import be.bolwerk.findings.intake.Candidate;
import be.bolwerk.findings.intake.RepeatKey;
import be.bolwerk.findings.register.Finding;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One finding of an uploaded file as the preview keeps it on the server (JSON in {@code finding_import}) until the
 * import is confirmed: what the register will store, the owner the file named (already found among the
 * organisation's active members), and the key that recognises it in the register.
 *
 * @param repeatKey null when the file gives nothing stable: the row is added each time
 */
public record ImportRow(
        int line,
        String title,
        String description,
        Severity severity,
        String affectedSystem,
        String recommendation,
        String externalId,
        String cvssVector,
        LocalDate plannedOn,
        String controlRef,
        String ownerAddress,
        UUID ownerId,
        RepeatKey repeatKey) {

    /**
     * A checked candidate of the intake, the owner resolved. The description gathers what the register has no
     * field for: the impact, the vulnerability and CWE ids, the references and, for SARIF, the tool; the affected
     * system is the file and line where a SARIF result has one.
     */
    static ImportRow of(Candidate c, UUID ownerId) {
        List<String> parts = new ArrayList<>();
        add(parts, c.description());
        add(parts, c.impact());
        List<String> ids = new ArrayList<>();
        add(ids, c.vulnerabilityId());
        if (c.cwe() != null) {
            ids.add("CWE-" + c.cwe());
        }
        add(ids, c.tool());
        if (!ids.isEmpty()) {
            parts.add(String.join(" · ", ids));
        }
        if (!c.references().isEmpty()) {
            parts.add(String.join("\n", c.references()));
        }
        return new ImportRow(
                c.line(),
                c.title(),
                String.join("\n\n", parts),
                c.severity(),
                c.location() != null ? c.location() : c.affectedSystem(),
                c.recommendation(),
                c.externalId(),
                c.cvss() == null ? null : c.cvss().text(),
                c.dueDate(),
                c.controlRef(),
                c.ownerAddress(),
                ownerId,
                c.repeatKey());
    }

    /** The finding's details as the file gives them. */
    Finding.Details details() {
        return new Finding.Details(
                title,
                description,
                severity,
                affectedSystem,
                recommendation,
                plannedOn,
                null,
                controlRef,
                false,
                externalId);
    }

    private static void add(List<String> parts, String text) {
        if (text != null && !text.isBlank()) {
            parts.add(text.strip());
        }
    }
}
