package be.bolwerk.findings.event;

import be.bolwerk.findings.FindingId;
import java.util.UUID;

/** The finding is the same as another finding of the organisation: closed in favour of that one. */
public record FindingMarkedDuplicate(FindingId findingId, UUID organisationId, String title, FindingId duplicateOf)
        implements FindingEvent {}
