package be.bolwerk.findings.event;

import be.bolwerk.findings.FindingId;
import java.util.UUID;

/** The finding concerns something outside the organisation's responsibility: closed, with the reason. */
public record FindingMarkedOutOfScope(FindingId findingId, UUID organisationId, String title, String reason)
        implements FindingEvent {}
