package be.bolwerk.findings.event;

import be.bolwerk.findings.FindingId;
import java.util.UUID;

/** The finding is open again (a failed retest or a second look); it keeps its original due date. */
public record FindingReopened(FindingId findingId, UUID organisationId, String title, String reason)
        implements FindingEvent {}
