package be.bolwerk.identity.event;

import java.util.UUID;

/** A person revoked one of their API tokens. */
public record ApiTokenRevoked(UUID accountId, UUID tokenId) {}
