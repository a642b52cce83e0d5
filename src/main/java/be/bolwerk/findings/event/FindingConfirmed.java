package be.bolwerk.findings.event;

import be.bolwerk.findings.FindingId;
import java.util.UUID;

/** The organisation confirmed that the finding is real and concerns it. */
public record FindingConfirmed(FindingId findingId, UUID organisationId, String title) implements FindingEvent {}
