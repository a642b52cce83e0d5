package be.bolwerk.findings.register;

import be.bolwerk.findings.RetestResult;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A retest of a finding's fix: when, by whom, the result and a note; who entered it and when. */
public record Retest(
        UUID id,
        LocalDate testedOn,
        String tester,
        RetestResult result,
        String note,
        UUID recordedBy,
        Instant recordedAt) {}
