package be.bolwerk.identity.event;

import java.util.UUID;

/** An organisation admin invited someone to join the organisation. */
public record MemberInvited(UUID organisationId, UUID invitationId, String role) {}
