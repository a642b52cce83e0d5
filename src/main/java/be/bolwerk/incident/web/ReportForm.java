package be.bolwerk.incident.web;

import be.bolwerk.incident.Answer;
import be.bolwerk.incident.handling.Report;
import be.bolwerk.shared.BelgianTime;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * The report as people type it, on the form and (with the caller's name) on the phone report. Moments are text as
 * a datetime-local field sends them, Brussels time, so a wrong one comes back to the person instead of failing the
 * binding; the maximum lengths are those of the table (V39). The submission key is made when the form is shown and
 * travels in a hidden field: the same form sent twice finds the incident it made.
 */
record ReportForm(
        UUID organisationId,
        @NotNull(message = "{validation.required}") UUID submissionKey,

        @NotBlank(message = "{validation.required}") @Size(max = 4000, message = "{validation.size.max}")
        String whatHappened,

        @Pattern(regexp = MOMENT, message = "{incident.validation.moment}")
        String startedAt,

        @NotBlank(message = "{validation.required}") @Pattern(regexp = MOMENT, message = "{incident.validation.moment}")
        String noticedAt,

        @Size(max = 2000, message = "{validation.size.max}") String howNoticed,
        @NotNull(message = "{validation.required}") Answer ongoing,
        @Size(max = 2000, message = "{validation.size.max}") String affectedSystems,
        @NotNull(message = "{validation.required}") Answer personalData,
        @NotNull(message = "{validation.required}") Answer citizensAffected,
        @Size(max = 2000, message = "{validation.size.max}") String actionsTaken,
        @Size(max = 2000, message = "{validation.size.max}") String alreadyInformed,

        @NotBlank(message = "{validation.required}")
        @Size(max = 40, message = "{validation.size.max}")
        @Pattern(regexp = "^[0-9+()./ -]*$", message = "{incident.validation.phone}")
        String callbackPhone,

        Boolean ransomware,
        Answer ransomNote,
        Answer leakSiteClaim,
        Answer backupsAffected,
        Answer adminAccountsCompromised,
        Answer systemsIsolated,
        @Size(max = 60, message = "{validation.size.max}") String policeComplaintNumber,
        @Size(max = 200, message = "{validation.size.max}") String insurer,
        @Size(max = 100, message = "{validation.size.max}") String insurerPolicy,

        @Pattern(regexp = MOMENT, message = "{incident.validation.moment}")
        String insurerNotifiedAt,

        @Size(max = 200, message = "{validation.size.max}") String callerName) {

    /** Empty, or what a datetime-local field sends (seconds optional). */
    static final String MOMENT = "^$|\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2})?";

    /** Strict: 31 February is refused, not quietly read as the 28th. */
    private static final DateTimeFormatter FIELD =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm").withResolverStyle(ResolverStyle.STRICT);

    /**
     * Written out, not left to the compiler, so that the constraints stay on the fields and off these parameters.
     * Spring binds a form record through its constructor and, for each parameter, asks the JDK for the annotations of
     * all parameters, which it parses anew every time (nothing caches parameter annotations): some 600 annotation
     * objects per report. In the 300-report burst that was 30 % of the server's CPU; without it the server spent
     * 4.0 CPU seconds per burst instead of 5.9 (docs/performance.md). Bean Validation reads the constraints from
     * the fields either way, and a record's compiler-made constructor would copy them onto its parameters.
     */
    ReportForm(
            UUID organisationId,
            UUID submissionKey,
            String whatHappened,
            String startedAt,
            String noticedAt,
            String howNoticed,
            Answer ongoing,
            String affectedSystems,
            Answer personalData,
            Answer citizensAffected,
            String actionsTaken,
            String alreadyInformed,
            String callbackPhone,
            Boolean ransomware,
            Answer ransomNote,
            Answer leakSiteClaim,
            Answer backupsAffected,
            Answer adminAccountsCompromised,
            Answer systemsIsolated,
            String policeComplaintNumber,
            String insurer,
            String insurerPolicy,
            String insurerNotifiedAt,
            String callerName) {
        this.organisationId = organisationId;
        this.submissionKey = submissionKey;
        this.whatHappened = whatHappened;
        this.startedAt = startedAt;
        this.noticedAt = noticedAt;
        this.howNoticed = howNoticed;
        this.ongoing = ongoing;
        this.affectedSystems = affectedSystems;
        this.personalData = personalData;
        this.citizensAffected = citizensAffected;
        this.actionsTaken = actionsTaken;
        this.alreadyInformed = alreadyInformed;
        this.callbackPhone = callbackPhone;
        this.ransomware = ransomware;
        this.ransomNote = ransomNote;
        this.leakSiteClaim = leakSiteClaim;
        this.backupsAffected = backupsAffected;
        this.adminAccountsCompromised = adminAccountsCompromised;
        this.systemsIsolated = systemsIsolated;
        this.policeComplaintNumber = policeComplaintNumber;
        this.insurer = insurer;
        this.insurerPolicy = insurerPolicy;
        this.insurerNotifiedAt = insurerNotifiedAt;
        this.callerName = callerName;
    }

    /** A fresh form: a new submission key, noticed now (Brussels time), the ransomware answers unknown. */
    static ReportForm empty(UUID organisationId, String callbackPhone, Instant now) {
        return new ReportForm(
                organisationId,
                UUID.randomUUID(),
                "",
                "",
                FIELD.format(now.atZone(BelgianTime.ZONE).truncatedTo(ChronoUnit.MINUTES)),
                "",
                null,
                "",
                null,
                null,
                "",
                "",
                callbackPhone == null ? "" : callbackPhone,
                false,
                Answer.UNKNOWN,
                Answer.UNKNOWN,
                Answer.UNKNOWN,
                Answer.UNKNOWN,
                Answer.UNKNOWN,
                "",
                "",
                "",
                "",
                "");
    }

    /** The report; a moment that does not exist (31 February, or an hour skipped in spring) is refused by field. */
    Report report() {
        boolean isRansomware = Boolean.TRUE.equals(ransomware);
        return new Report(
                whatHappened,
                moment("startedAt", startedAt),
                moment("noticedAt", noticedAt),
                blankToNull(howNoticed),
                ongoing,
                blankToNull(affectedSystems),
                personalData,
                citizensAffected,
                blankToNull(actionsTaken),
                blankToNull(alreadyInformed),
                callbackPhone,
                isRansomware,
                isRansomware
                        ? new Report.Ransomware(
                                known(ransomNote),
                                known(leakSiteClaim),
                                known(backupsAffected),
                                known(adminAccountsCompromised),
                                known(systemsIsolated))
                        : null,
                blankToNull(policeComplaintNumber),
                blankToNull(insurer),
                blankToNull(insurerPolicy),
                moment("insurerNotifiedAt", insurerNotifiedAt));
    }

    /** Thrown for a moment typed in the right shape that is no moment in Brussels. */
    static final class NoSuchMoment extends RuntimeException {

        final String field;

        NoSuchMoment(String field) {
            super(field, null, false, false);
            this.field = field;
        }
    }

    private static Instant moment(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            LocalDateTime local = LocalDateTime.parse(text.length() > 16 ? text.substring(0, 16) : text, FIELD);
            return local.atZone(BelgianTime.ZONE).toInstant();
        } catch (DateTimeParseException e) {
            throw new NoSuchMoment(field);
        }
    }

    private static Answer known(Answer answer) {
        return answer == null ? Answer.UNKNOWN : answer;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
