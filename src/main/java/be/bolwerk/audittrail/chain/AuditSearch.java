package be.bolwerk.audittrail.chain;

import be.bolwerk.audittrail.AuditEventType;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Filter for the audit trail; every part is optional.
 *
 * @param actor text in the actor's e-mail address
 * @param organisationIds only events of these organisations; {@code null} for any, empty for none
 * @param from first day, inclusive (Belgian time)
 * @param to last day, inclusive (Belgian time)
 */
public record AuditSearch(
        String actor,
        AuditEventType type,
        List<UUID> organisationIds,
        LocalDate from,
        LocalDate to,
        int page,
        int size) {

    /** As long as the other lists' pages, so that a page is read without scrolling far. */
    static final int DEFAULT_SIZE = 25;

    public AuditSearch {
        actor = actor == null ? "" : actor.strip();
        if (actor.length() > 254) {
            actor = actor.substring(0, 254);
        }
        page = Math.max(0, page);
        size = size < 10 || size > 200 ? DEFAULT_SIZE : size;
    }
}
