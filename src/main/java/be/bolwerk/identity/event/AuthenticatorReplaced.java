package be.bolwerk.identity.event;

import java.util.UUID;

/** A person moved their second factor to a new authenticator app; the old app's codes no longer work. */
public record AuthenticatorReplaced(UUID accountId) {}
