package be.bolwerk.findings.event;

import be.bolwerk.findings.FindingId;
import java.util.UUID;

/** Every event of a finding names it, its organisation and its title as people read it. */
public sealed interface FindingEvent
        permits FindingRaised,
                FindingOwnerAssigned,
                FindingChanged,
                FindingConfirmed,
                FindingWorkStarted,
                FindingResolved,
                FindingRetested,
                FindingFixVerified,
                FindingReopened,
                FindingMarkedDuplicate,
                FindingMarkedFalsePositive,
                FindingMarkedOutOfScope,
                FindingDueDateMoved,
                FindingSeenAgain,
                FindingRiskAccepted {

    FindingId findingId();

    UUID organisationId();

    String title();
}
