package be.bolwerk.identity.event;

import java.util.UUID;

/** A platform admin deactivated an account: it can no longer sign in and its sessions have ended. */
public record AccountDeactivated(UUID accountId, String email) {}
