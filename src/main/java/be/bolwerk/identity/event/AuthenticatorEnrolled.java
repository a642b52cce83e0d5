package be.bolwerk.identity.event;

import java.util.UUID;

/** A person confirmed their first authenticator app (at their first sign-in, or after an admin reset). */
public record AuthenticatorEnrolled(UUID accountId) {}
