package be.bolwerk.identity.event;

import java.util.UUID;

/**
 * The password of an account changed: by the person, signed in, or through a reset link ({@code reset}), when
 * nobody is signed in and the account is named here so the audit trail can say whose password it was.
 */
public record PasswordChanged(UUID accountId, String email, boolean reset) {}
