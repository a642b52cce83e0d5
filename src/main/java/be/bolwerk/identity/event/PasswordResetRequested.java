package be.bolwerk.identity.event;

/**
 * Someone asked for a password-reset link for the address typed. {@code linkSent} is false when the address
 * has no active account or a link was sent a moment ago; the person asking is never told which.
 */
public record PasswordResetRequested(String email, boolean linkSent) {}
