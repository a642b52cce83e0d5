package be.bolwerk.identity.event;

import java.util.UUID;

/** A person created a personal API token. */
public record ApiTokenCreated(UUID accountId, UUID tokenId, String scope) {}
