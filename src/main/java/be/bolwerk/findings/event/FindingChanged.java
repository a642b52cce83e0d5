package be.bolwerk.findings.event;

import be.bolwerk.findings.FindingId;
import java.time.LocalDate;
import java.util.UUID;

/** Its details changed (title, severity, planning, …); the due date follows a new severity. */
public record FindingChanged(FindingId findingId, UUID organisationId, String title, LocalDate dueDate)
        implements FindingEvent {}
