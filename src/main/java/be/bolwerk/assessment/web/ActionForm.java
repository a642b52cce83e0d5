package be.bolwerk.assessment.web;

import be.bolwerk.assessment.improvement.ActionPlanning;
import be.bolwerk.assessment.improvement.ImprovementActions;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A new improvement action as the form sends it, all text (trimmed), so every bad field gets its own message
 * and the form comes back with what was typed. Each constraint's message is a bundle key.
 */
record ActionForm(
        @NotBlank(message = "assessment.action.controlRequired")
        String controlRef,

        @NotBlank(message = "assessment.action.titleRequired")
        @Size(max = ActionForm.TITLE_MAX, message = "assessment.action.titleTooLong")
        String title,

        @Pattern(regexp = "|" + ActionForm.UUID_PATTERN, message = "assessment.action.ownerInvalid")
        String ownerId,

        @DueDate String dueDate,

        @NotNull(message = "assessment.action.priorityRequired")
        @Pattern(regexp = "HIGH|MEDIUM|LOW", message = "assessment.action.priorityRequired")
        String priority)
        implements Serializable {

    static final int TITLE_MAX = 200;

    /** What {@link UUID#fromString} accepts. */
    static final String UUID_PATTERN =
            "\\p{XDigit}{1,8}-\\p{XDigit}{1,4}-\\p{XDigit}{1,4}-\\p{XDigit}{1,4}-\\p{XDigit}{1,12}";

    ActionForm {
        controlRef = strip(controlRef);
        title = strip(title);
        ownerId = strip(ownerId);
        dueDate = strip(dueDate);
        priority = strip(priority);
    }

    /** The checked action; call only when validation found nothing. */
    ActionPlanning.Plan plan() {
        return new ActionPlanning.Plan(
                controlRef,
                title,
                ownerId == null || ownerId.isEmpty() ? null : java.util.UUID.fromString(ownerId),
                LocalDate.parse(dueDate),
                ImprovementActions.Priority.valueOf(priority));
    }

    private static String strip(String value) {
        return value == null ? null : value.strip();
    }
}
