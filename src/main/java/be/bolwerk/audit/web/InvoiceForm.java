package be.bolwerk.audit.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The invoice that completes an audit, as typed: amounts and date as text, checked one by one. */
record InvoiceForm(
        @NotBlank(message = "{validation.required}") @Size(max = 60, message = "{validation.size.max}")
        String number,

        @NotBlank(message = "{validation.required}")
        @Pattern(regexp = "\\s*\\d{4}-\\d{2}-\\d{2}\\s*", message = "{funding.date.format}")
        String date,

        @NotBlank(message = "{validation.required}") @Size(max = 20, message = "{validation.size.max}")
        String supplier,

        @NotBlank(message = "{validation.required}") @Size(max = 30, message = "{validation.size.max}")
        String excludingVat,

        @NotBlank(message = "{validation.required}") @Size(max = 30, message = "{validation.size.max}")
        String vat,

        @NotBlank(message = "{validation.required}") @Size(max = 30, message = "{validation.size.max}")
        String total) {

    static InvoiceForm empty() {
        return new InvoiceForm(null, null, null, null, null, null);
    }
}
