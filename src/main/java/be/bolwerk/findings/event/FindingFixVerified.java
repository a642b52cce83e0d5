package be.bolwerk.findings.event;

import be.bolwerk.findings.FindingId;
import java.util.UUID;

/** A retest found the finding fixed: it is closed. */
public record FindingFixVerified(FindingId findingId, UUID organisationId, String title) implements FindingEvent {}
