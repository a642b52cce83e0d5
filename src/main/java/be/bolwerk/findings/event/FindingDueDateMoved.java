package be.bolwerk.findings.event;

import be.bolwerk.findings.FindingId;
import java.time.LocalDate;
import java.util.UUID;

/** The finding's due date was moved by hand, with the reason why ({@code from} null when it had none). */
public record FindingDueDateMoved(
        FindingId findingId, UUID organisationId, String title, LocalDate from, LocalDate to, String reason)
        implements FindingEvent {}
