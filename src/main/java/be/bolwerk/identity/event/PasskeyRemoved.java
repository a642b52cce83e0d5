package be.bolwerk.identity.event;

import java.util.UUID;

/** A person removed one of their passkeys. */
public record PasskeyRemoved(UUID accountId, String label) {}
