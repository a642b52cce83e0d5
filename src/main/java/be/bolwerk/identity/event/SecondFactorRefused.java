package be.bolwerk.identity.event;

import java.util.UUID;

/**
 * A wrong authenticator or recovery code was typed for an account. {@code where} names the form: the sign-in,
 * a password reset or a proof before a change of password or factors.
 */
public record SecondFactorRefused(UUID accountId, String email, String clientAddress, String where) {}
