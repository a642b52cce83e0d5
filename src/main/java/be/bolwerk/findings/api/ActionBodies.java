package be.bolwerk.findings.api;

import be.bolwerk.findings.RetestResult;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;

/** The small JSON body of each action on a finding, with the limits of the pages' forms. */
final class ActionBodies {

    private ActionBodies() {}

    /** Confirm and start work say nothing more than the action itself. */
    @Schema(name = "FindingEmptyAction", type = "object", description = "An action without details: send {} or nothing")
    record Empty() {}

    @Schema(name = "FindingResolveAction")
    record Resolve(
            @Schema(description = "What was done") @Size(max = 2000, message = "{validation.size.max}")
            String note) {}

    @Schema(name = "FindingRetestAction")
    record Retest(
            @Schema(description = "The day of the retest, not in the future")
            @NotNull(message = "{validation.required}")
            LocalDate testedOn,

            @Schema(description = "Who retested (the auditor, the supervisor)")
            @NotBlank(message = "{validation.required}")
            @Size(max = 200, message = "{validation.size.max}")
            String tester,

            @NotNull(message = "{validation.required}") RetestResult result,

            @Schema(description = "What remains; required unless it was fixed")
            @Size(max = 2000, message = "{validation.size.max}")
            String note) {}

    /** Reopen, false positive and out of scope all need the reason. */
    @Schema(name = "FindingReasonAction")
    record Reason(
            @NotBlank(message = "{validation.required}") @Size(max = 2000, message = "{validation.size.max}")
            String reason) {}

    @Schema(name = "FindingAssignAction")
    record Assign(
            @Schema(description = "An active member of the finding's organisation")
            @NotNull(message = "{validation.required}")
            UUID ownerId) {}

    @Schema(name = "FindingDuplicateAction")
    record Duplicate(
            @Schema(description = "The original: another finding of the same organisation")
            @NotNull(message = "{validation.required}")
            UUID originalId) {}
}
