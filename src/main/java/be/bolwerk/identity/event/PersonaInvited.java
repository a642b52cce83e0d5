package be.bolwerk.identity.event;

import java.util.UUID;

/** A platform admin invited someone to a programme-wide persona. */
public record PersonaInvited(UUID invitationId, String persona) {}
