package be.bolwerk.engagement;

import java.util.UUID;

/** The scope (or its consents) changed; a signature it had is void and a new one is needed. */
public record EngagementScopeChanged(EngagementId engagementId, UUID organisationId, boolean signatureVoided)
        implements EngagementEvent {}
