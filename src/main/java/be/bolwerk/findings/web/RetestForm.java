package be.bolwerk.findings.web;

import be.bolwerk.findings.RetestResult;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A retest as the organisation's admin enters it: the day, the tester, the result and a note. */
record RetestForm(
        @NotBlank(message = "{validation.required}")
        @Pattern(regexp = "^$|\\d{4}-\\d{2}-\\d{2}", message = "{finding.validation.date}")
        String testedOn,

        @NotBlank(message = "{validation.required}") @Size(max = 200, message = "{validation.size.max}")
        String tester,

        @NotNull(message = "{validation.required}") RetestResult result,

        @Size(max = 2000, message = "{validation.size.max}") String note) {

    static RetestForm empty(String today) {
        return new RetestForm(today, "", RetestResult.FIXED, "");
    }
}
