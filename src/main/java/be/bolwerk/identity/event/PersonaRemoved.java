package be.bolwerk.identity.event;

import java.util.UUID;

/** A platform admin took a programme-wide persona away from an account. */
public record PersonaRemoved(UUID accountId, String persona) {}
