package be.bolwerk.findings.web;

import be.bolwerk.findings.FindingId;
import be.bolwerk.findings.register.Bulk;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A bulk action as the register's form sends it: the ticked findings ({@code ids}), or every finding of the page
 * ({@code all} with {@code pageIds}, comma-separated); what to do; the new owner, or the new due date ({@code yyyy-MM-dd} from a date
 * field, kept as typed) with its reason. The confirmation sends {@code items}: each finding with the revision the
 * preview showed. Ids that are no UUID are dropped: such a finding does not exist.
 */
record BulkForm(
        List<String> ids,
        Boolean all,
        List<String> pageIds,

        @Pattern(regexp = "ASSIGN|MOVE_DUE", message = "{findings.bulk.validation.action}")
        String action,

        String owner,

        @Pattern(regexp = "^$|\\d{4}-\\d{2}-\\d{2}", message = "{findings.bulk.validation.date}")
        String due,

        @Size(max = 500, message = "{validation.size.max}") String reason,
        List<String> items) {

    BulkForm {
        ids = ids == null ? List.of() : ids;
        pageIds = pageIds == null ? List.of() : pageIds;
        items = items == null ? List.of() : items;
        action = action == null || action.isBlank() ? "ASSIGN" : action.strip();
        owner = owner == null ? "" : owner.strip();
        due = due == null ? "" : due.strip();
        reason = reason == null ? "" : reason;
    }

    /** The chosen findings: the whole page when asked for, else the ticked ones. */
    List<FindingId> chosen() {
        List<FindingId> chosen = new ArrayList<>();
        for (String field : Boolean.TRUE.equals(all) ? pageIds : ids) {
            // The page sends its ids as one comma-separated field (one hidden input instead of 25).
            for (String id : field.split(",")) {
                UUID value = Enums.uuid(id.strip());
                if (value != null) {
                    chosen.add(new FindingId(value));
                }
            }
        }
        return chosen;
    }

    /** The confirmed findings with their revisions ({@code <id>:<revision>}). */
    List<Bulk.Item> confirmed() {
        List<Bulk.Item> confirmed = new ArrayList<>();
        for (String item : items) {
            int colon = item.indexOf(':');
            UUID value = colon < 0 ? null : Enums.uuid(item.substring(0, colon));
            if (value == null) {
                continue;
            }
            try {
                confirmed.add(new Bulk.Item(new FindingId(value), Integer.parseInt(item.substring(colon + 1))));
            } catch (NumberFormatException malformed) {
                // not a revision: the finding cannot be confirmed as shown, so it is left out
            }
        }
        return confirmed;
    }

    /** The change asked for; the rules on owner, date and reason are the use case's. */
    Bulk.Change change() {
        Bulk.Kind kind = "MOVE_DUE".equals(action) ? Bulk.Kind.MOVE_DUE : Bulk.Kind.ASSIGN;
        return new Bulk.Change(kind, Enums.uuid(owner), date(), reason);
    }

    private LocalDate date() {
        if (due.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(due);
        } catch (DateTimeParseException noSuchDate) {
            return null;
        }
    }

    boolean dateInvalid() {
        return !due.isEmpty() && date() == null;
    }
}
