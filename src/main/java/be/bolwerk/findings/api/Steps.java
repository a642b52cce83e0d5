package be.bolwerk.findings.api;

import be.bolwerk.findings.FindingId;
import be.bolwerk.findings.register.Handling;
import be.bolwerk.shared.Refusal;
import be.bolwerk.shared.security.CurrentUser;

/**
 * Runs a step of {@code Handling} on the revision named in If-Match, when the client sent one. A finding that moved
 * on is then a 412 (the precondition failed); without If-Match, the second of two concurrent steps keeps the
 * domain's 409.
 */
final class Steps {

    private static final String STALE = "finding.rule.stale";

    private Steps() {}

    static void run(Handling handling, FindingId id, String ifMatch, CurrentUser user, Runnable step) {
        Integer revision = Revisions.expected(ifMatch);
        try {
            handling.atRevision(id, revision, user, step);
        } catch (Refusal refused) {
            if (revision != null && refused.is(STALE)) {
                throw ApiProblem.stale();
            }
            throw refused;
        }
    }
}
