package be.bolwerk.identity.event;

import java.util.UUID;

/** Someone became a member of an organisation (by accepting an invitation). */
public record MembershipGranted(UUID organisationId, UUID accountId, String role) {}
