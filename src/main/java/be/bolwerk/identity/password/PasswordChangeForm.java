package be.bolwerk.identity.password;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Changing one's password: the current password and a current second-factor code re-authenticate the person
 * (ASVS 6.2.3, 7.5.1); the new password is typed twice. Password fields are never shown again after an error.
 */
record PasswordChangeForm(
        @NotBlank(message = "{validation.required}") @Size(max = 128, message = "{validation.size.max}")
        String currentPassword,

        @NotBlank(message = "{validation.required}") @Size(max = 40, message = "{validation.size.max}")
        String code,

        @NotBlank(message = "{validation.required}") @Size(max = 1000, message = "{validation.size.max}")
        String newPassword,

        @NotBlank(message = "{validation.required}") @Size(max = 1000, message = "{validation.size.max}")
        String confirmation) {

    static PasswordChangeForm empty() {
        return new PasswordChangeForm(null, null, null, null);
    }
}
