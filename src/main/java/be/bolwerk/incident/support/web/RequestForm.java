package be.bolwerk.incident.support.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A request for emergency support as the organisation's admin types it; the amount as text, checked apart. */
record RequestForm(
        @NotBlank(message = "{incident.support.rule.purposeRequired}")
        @Size(max = 200, message = "{validation.size.max}")
        String purpose,

        @Size(max = 200, message = "{validation.size.max}") String supplier,

        @NotBlank(message = "{incident.support.rule.amountInvalid}") @Size(max = 30, message = "{validation.size.max}")
        String amount,

        @NotBlank(message = "{incident.support.rule.motivationRequired}")
        @Size(max = 4000, message = "{validation.size.max}")
        String motivation) {

    static RequestForm empty() {
        return new RequestForm("", "", "", "");
    }
}
