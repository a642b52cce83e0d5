package be.bolwerk.findings.event;

import be.bolwerk.findings.FindingId;
import be.bolwerk.findings.FindingSource;
import be.bolwerk.findings.Severity;
import java.time.LocalDate;
import java.util.UUID;

/** A finding entered the register, from its source, with the due date the SLA gave it (null: none). */
public record FindingRaised(
        FindingId findingId,
        UUID organisationId,
        String title,
        FindingSource source,
        Severity severity,
        LocalDate dueDate)
        implements FindingEvent {}
