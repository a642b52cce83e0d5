package be.bolwerk.identity.event;

import java.util.UUID;

/** A platform admin gave an account a programme-wide persona, or changed its affiliation. */
public record PersonaChanged(UUID accountId, String persona, String affiliation) {}
