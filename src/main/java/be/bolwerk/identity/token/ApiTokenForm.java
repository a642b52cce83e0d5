package be.bolwerk.identity.token;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A new API token: a name to recognise it by, what it may do, and how long it lives. */
record ApiTokenForm(
        @NotBlank(message = "{validation.required}") @Size(max = 100, message = "{validation.size.max}")
        String name,

        @NotNull(message = "{validation.required}") ApiTokens.Scope scope,

        @NotNull(message = "{validation.required}")
        @Min(value = 1, message = "{validation.required}")
        @Max(value = ApiTokens.LONGEST_VALIDITY_DAYS, message = "{validation.required}")
        Integer validityDays) {

    static ApiTokenForm empty() {
        return new ApiTokenForm(null, ApiTokens.Scope.READ, 90);
    }
}
