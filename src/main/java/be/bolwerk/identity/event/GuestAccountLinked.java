package be.bolwerk.identity.event;

import java.util.UUID;

/**
 * A guest invitation was accepted (ADR 0043): {@code invitationId} is the id the inviting module chose (the guest
 * grant's), {@code accountId} the account that accepted it, new or existing. Published inside the accepting
 * transaction, so a listener that links the grant commits or fails with it.
 */
public record GuestAccountLinked(UUID invitationId, UUID accountId) {}
