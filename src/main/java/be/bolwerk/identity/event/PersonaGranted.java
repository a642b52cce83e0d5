package be.bolwerk.identity.event;

import java.util.UUID;

/** Someone accepted an invitation to a programme-wide persona. */
public record PersonaGranted(UUID accountId, String persona) {}
