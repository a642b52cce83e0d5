package be.bolwerk.findings.event;

import be.bolwerk.findings.FindingId;
import java.util.UUID;

/** The finding was given to a member of the organisation. */
public record FindingOwnerAssigned(
        FindingId findingId, UUID organisationId, String title, UUID ownerId, String ownerName)
        implements FindingEvent {}
