package be.bolwerk.findings.event;

import be.bolwerk.findings.FindingId;
import java.util.UUID;

/**
 * An imported file named the finding again (an equal repeat key): its details follow the file; {@code reopened}
 * when it had been resolved or verified and is open again (a {@link FindingReopened} follows).
 */
public record FindingSeenAgain(
        FindingId findingId, UUID organisationId, String title, UUID importId, String fileName, boolean reopened)
        implements FindingEvent {}
