package be.bolwerk.findings.acceptance.web;

import be.bolwerk.findings.RiskDecision;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;

/**
 * A risk acceptance as a person proposes it. The expiry date is text as typed ({@code yyyy-MM-dd} from a date
 * field), so a wrong one comes back to the person instead of failing the binding; the proof file travels beside it.
 */
record AcceptanceForm(
        UUID organisationId,

        @NotBlank(message = "{validation.required}") @Size(max = 300, message = "{validation.size.max}")
        String title,

        @NotNull(message = "{validation.required}") RiskDecision decision,

        @NotBlank(message = "{validation.required}") @Size(max = 4000, message = "{validation.size.max}")
        String measures,

        @NotBlank(message = "{validation.required}") @Size(max = 300, message = "{validation.size.max}")
        String reference,

        @NotNull(message = "{validation.required}") UUID ownerId,

        @NotBlank(message = "{validation.required}")
        @Pattern(regexp = "^$|\\d{4}-\\d{2}-\\d{2}", message = "{findings.acceptance.validation.date}")
        String expiresOn,

        @NotEmpty(message = "{findings.acceptance.validation.findings}")
        List<UUID> findings) {

    static AcceptanceForm empty(UUID organisationId, UUID finding, UUID owner) {
        return new AcceptanceForm(
                organisationId,
                "",
                RiskDecision.ACCEPT,
                "",
                "",
                owner,
                "",
                finding == null ? List.of() : List.of(finding));
    }

    /** Whether the finding is ticked, for the page. */
    public boolean covers(Object finding) {
        return findings != null
                && finding != null
                && findings.stream().anyMatch(f -> f.toString().equals(finding.toString()));
    }
}
