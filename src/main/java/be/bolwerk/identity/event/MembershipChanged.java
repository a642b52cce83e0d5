package be.bolwerk.identity.event;

import java.util.UUID;

/** An organisation admin changed a member's role. */
public record MembershipChanged(UUID organisationId, UUID accountId, String role) {}
