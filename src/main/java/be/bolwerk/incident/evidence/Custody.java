package be.bolwerk.incident.evidence;

import be.bolwerk.incident.handling.Actor;
import be.bolwerk.shared.Refusal;
import java.time.Instant;
import java.util.UUID;

/**
 * One line of an evidence file's chain of custody: what happened to it, who did it and when; for a hand-over, to
 * whom and why. Lines are only ever added. Public because templates read it.
 */
public record Custody(
        UUID id, UUID evidenceId, CustodyAction action, Instant at, Actor by, String handedTo, String reason) {

    public static final int MAX_HANDED_TO = 200;
    public static final int MAX_REASON = 1000;
    static final String TO_REQUIRED = "incident.evidence.rule.handedToRequired";
    static final String TO_TOO_LONG = "incident.evidence.rule.handedToTooLong";
    static final String REASON_REQUIRED = "incident.evidence.rule.reasonRequired";
    static final String REASON_TOO_LONG = "incident.evidence.rule.reasonTooLong";

    static Custody of(EvidenceFile file, CustodyAction action, Actor by, Instant at) {
        return new Custody(UUID.randomUUID(), file.id(), action, at, by, null, null);
    }

    /** A hand-over: to whom (a person, a police unit, a forensic firm) and why are both required. */
    static Custody handedOver(EvidenceFile file, String to, String reason, Actor by, Instant at) {
        String whom = to == null ? "" : to.strip();
        String why = reason == null ? "" : reason.strip();
        if (whom.isEmpty()) {
            throw Refusal.invalid(TO_REQUIRED);
        }
        if (whom.length() > MAX_HANDED_TO) {
            throw Refusal.invalid(TO_TOO_LONG, MAX_HANDED_TO);
        }
        if (why.isEmpty()) {
            throw Refusal.invalid(REASON_REQUIRED);
        }
        if (why.length() > MAX_REASON) {
            throw Refusal.invalid(REASON_TOO_LONG, MAX_REASON);
        }
        return new Custody(UUID.randomUUID(), file.id(), CustodyAction.HANDED_OVER, at, by, whom, why);
    }
}
