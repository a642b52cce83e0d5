package be.bolwerk.engagement;

import java.util.UUID;

/** The organisation's signatory signed the exact canonical scope text whose SHA-256 is given. */
public record RulesOfEngagementSigned(
        EngagementId engagementId, UUID organisationId, String signerName, String sha256, String clientAddress)
        implements EngagementEvent {}
