package be.bolwerk.findings.event;

import be.bolwerk.findings.FindingId;
import java.util.UUID;

/** The finding turned out not to be real: closed, with the reason. */
public record FindingMarkedFalsePositive(FindingId findingId, UUID organisationId, String title, String reason)
        implements FindingEvent {}
