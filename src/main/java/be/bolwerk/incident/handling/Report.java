package be.bolwerk.incident.handling;

import be.bolwerk.incident.Answer;
import java.time.Instant;

/**
 * What the organisation tells the CRT in the short report form, kept as it was sent. Only what happened, when it
 * was noticed, the three yes/no/unknown answers and a call-back number are required: a municipality under attack
 * must be able to send it in a minute. The ransomware answers are null unless {@code ransomware} is true.
 */
public record Report(
        String whatHappened,
        Instant startedAt,
        Instant noticedAt,
        String howNoticed,
        Answer ongoing,
        String affectedSystems,
        Answer personalData,
        Answer citizensAffected,
        String actionsTaken,
        String alreadyInformed,
        String callbackPhone,
        boolean ransomware,
        Ransomware ransomwareDetails,
        String policeComplaintNumber,
        String insurer,
        String insurerPolicy,
        Instant insurerNotifiedAt) {

    /** The questions that matter when files are encrypted; each may be unknown. */
    public record Ransomware(
            Answer ransomNote,
            Answer leakSiteClaim,
            Answer backupsAffected,
            Answer adminAccountsCompromised,
            Answer systemsIsolated) {

        public static final Ransomware UNKNOWN =
                new Ransomware(Answer.UNKNOWN, Answer.UNKNOWN, Answer.UNKNOWN, Answer.UNKNOWN, Answer.UNKNOWN);
    }
}
