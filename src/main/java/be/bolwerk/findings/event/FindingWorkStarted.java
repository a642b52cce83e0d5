package be.bolwerk.findings.event;

import be.bolwerk.findings.FindingId;
import java.util.UUID;

/** Work on the fix started. */
public record FindingWorkStarted(FindingId findingId, UUID organisationId, String title) implements FindingEvent {}
