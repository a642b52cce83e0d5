package be.bolwerk.identity.event;

import java.util.UUID;

/** A platform admin let a deactivated account sign in again. */
public record AccountReactivated(UUID accountId, String email) {}
