package be.bolwerk.incident.api;

import be.bolwerk.incident.Answer;
import be.bolwerk.incident.handling.Report;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A report as an API client sends it: the fields of the report form, moments with their offset (ISO 8601), the
 * maximum lengths of the table (V39). The ransomware answers count only when {@code ransomware} is true; one left
 * out is unknown.
 */
record IncidentBody(
        @NotNull UUID organisationId,
        @NotBlank @Size(max = 4000) String whatHappened,
        OffsetDateTime startedAt,
        @NotNull OffsetDateTime noticedAt,
        @Size(max = 2000) String howNoticed,
        @NotNull Answer ongoing,
        @Size(max = 2000) String affectedSystems,
        @NotNull Answer personalData,
        @NotNull Answer citizensAffected,
        @Size(max = 2000) String actionsTaken,
        @Size(max = 2000) String alreadyInformed,
        @NotBlank @Size(max = 40) String callbackPhone,
        boolean ransomware,
        Answer ransomNote,
        Answer leakSiteClaim,
        Answer backupsAffected,
        Answer adminAccountsCompromised,
        Answer systemsIsolated,
        @Size(max = 60) String policeComplaintNumber,
        @Size(max = 200) String insurer,
        @Size(max = 100) String insurerPolicy,
        OffsetDateTime insurerNotifiedAt) {

    Report report() {
        return new Report(
                whatHappened,
                startedAt == null ? null : startedAt.toInstant(),
                noticedAt.toInstant(),
                howNoticed,
                ongoing,
                affectedSystems,
                personalData,
                citizensAffected,
                actionsTaken,
                alreadyInformed,
                callbackPhone,
                ransomware,
                ransomware
                        ? new Report.Ransomware(
                                known(ransomNote),
                                known(leakSiteClaim),
                                known(backupsAffected),
                                known(adminAccountsCompromised),
                                known(systemsIsolated))
                        : null,
                policeComplaintNumber,
                insurer,
                insurerPolicy,
                insurerNotifiedAt == null ? null : insurerNotifiedAt.toInstant());
    }

    private static Answer known(Answer answer) {
        return answer == null ? Answer.UNKNOWN : answer;
    }
}
