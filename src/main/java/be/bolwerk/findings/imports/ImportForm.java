package be.bolwerk.findings.imports;

import be.bolwerk.findings.intake.DateOrder;
import jakarta.validation.constraints.NotNull;
import java.util.UUID;

/** The upload form without its file: for which organisation, which format, and how CSV dates are written. */
record ImportForm(
        @NotNull(message = "{validation.required}") UUID organisationId,
        @NotNull(message = "{validation.required}") FindingImport.Format format,
        DateOrder dateOrder) {

    static ImportForm empty(UUID organisationId) {
        return new ImportForm(organisationId, FindingImport.Format.SARIF, DateOrder.FROM_FILE);
    }

    DateOrder order() {
        return dateOrder == null ? DateOrder.FROM_FILE : dateOrder;
    }
}
