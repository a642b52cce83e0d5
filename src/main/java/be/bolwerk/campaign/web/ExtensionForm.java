package be.bolwerk.campaign.web;

import be.bolwerk.campaign.running.Extending;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A later deadline for one organisation and the mandatory reason. {@code seen} is the deadline shown when the
 * form was opened, so a concurrent extension is refused instead of overwritten.
 */
record ExtensionForm(
        @NotBlank(message = "{validation.required}")
        @Pattern(regexp = CampaignForm.DATE, message = "{campaign.date.format}")
        String deadline,

        @NotBlank(message = "{campaign.extension.reasonRequired}")
        @Size(max = Extending.REASON_MAX, message = "{validation.size.max}")
        String reason,

        @Pattern(regexp = CampaignForm.DATE, message = "{campaign.date.format}")
        String seen) {}
