package be.bolwerk.identity.event;

import java.util.UUID;

/** An organisation admin removed someone from the organisation. */
public record MembershipEnded(UUID organisationId, UUID accountId) {}
