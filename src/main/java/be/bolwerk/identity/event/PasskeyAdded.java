package be.bolwerk.identity.event;

import java.util.UUID;

/** A person registered a passkey as an alternative second factor. */
public record PasskeyAdded(UUID accountId, String label) {}
