package be.bolwerk.findings.event;

import be.bolwerk.findings.FindingId;
import be.bolwerk.findings.RetestResult;
import java.time.LocalDate;
import java.util.UUID;

/** A retest was recorded: when, by whom, with which result and note. */
public record FindingRetested(
        FindingId findingId,
        UUID organisationId,
        String title,
        LocalDate testedOn,
        String tester,
        RetestResult result,
        String note)
        implements FindingEvent {}
