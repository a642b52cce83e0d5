package be.bolwerk.identity.event;

import java.util.UUID;

/** A person replaced their recovery codes with ten new ones; the old ones no longer work. */
public record RecoveryCodesRenewed(UUID accountId) {}
