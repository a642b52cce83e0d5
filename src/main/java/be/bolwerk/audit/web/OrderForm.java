package be.bolwerk.audit.web;

import be.bolwerk.audit.AuditKind;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/**
 * An order as the form sends it. The amounts are bound as text and read as a Belgian writes them
 * ({@code 7.500,00}) or with a decimal point, so a wrong amount comes back as typed with its own message.
 */
record OrderForm(
        @NotNull(message = "{validation.required}") UUID organisationId,
        UUID partnerId,
        @NotNull(message = "{validation.required}") AuditKind kind,
        Boolean coachingDay,

        @NotBlank(message = "{validation.required}") @Size(max = 30, message = "{validation.size.max}")
        String quoteExcludingVat,

        @NotBlank(message = "{validation.required}") @Size(max = 30, message = "{validation.size.max}")
        String quoteVat) {

    static OrderForm first(UUID organisationId) {
        return new OrderForm(organisationId, null, AuditKind.BASIC, false, null, null);
    }
}
