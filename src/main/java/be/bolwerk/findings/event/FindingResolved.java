package be.bolwerk.findings.event;

import be.bolwerk.findings.FindingId;
import java.util.UUID;

/** The organisation says the fix is in place; a retest verifies it. */
public record FindingResolved(FindingId findingId, UUID organisationId, String title, String note)
        implements FindingEvent {}
