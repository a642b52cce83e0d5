package be.bolwerk.identity;

import java.util.UUID;

/** A person changed their own password. */
public record PasswordChanged(UUID accountId) {}
