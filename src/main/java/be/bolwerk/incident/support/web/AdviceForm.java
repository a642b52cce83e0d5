package be.bolwerk.incident.support.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The CRT's advice on one request: for a recommendation the amount (at most what was asked), for either the reasoning. */
record AdviceForm(
        @Size(max = 30, message = "{validation.size.max}") String amount,

        @NotBlank(message = "{incident.support.rule.adviceRequired}")
        @Size(max = 4000, message = "{validation.size.max}")
        String advice) {

    static AdviceForm empty() {
        return new AdviceForm("", "");
    }
}
