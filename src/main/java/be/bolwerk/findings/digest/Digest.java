package be.bolwerk.findings.digest;

import be.bolwerk.identity.OrganisationMembers;
import be.bolwerk.identity.PersonalMail;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The day's digest: every owner with open findings that are past their due date or fall due within {@link #DAYS}
 * days gets one mail listing them, in their language, through the outbox. Each owner's mail is queued in a
 * transaction of its own with the once-key {@code findingDigest:<day>:<owner>}: the outbox's unique key remembers
 * which day was sent to whom, so a second run the same day (another node, a retry after a crash halfway through
 * the owners) sends only the mails that are missing, and the next day starts afresh. Only the findings of
 * organisations the owner is still an active member of count; an owner with nothing due gets nothing.
 */
@Component
class Digest {

    /** Days ahead that a finding counts as falling due. */
    static final int DAYS = 7;

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd-MM-yyyy");

    /** An open finding of an owner that is due by the horizon. */
    record Due(UUID id, UUID organisationId, String title, LocalDate dueDate) {}

    private final JdbcClient jdbc;
    private final OrganisationMembers members;
    private final PersonalMail mail;
    private final TransactionTemplate transactions;

    Digest(JdbcClient jdbc, OrganisationMembers members, PersonalMail mail, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.members = members;
        this.mail = mail;
        this.transactions = transactions;
    }

    /** Sends the digest of {@code day} to every owner who has something due; returns how many mails were queued. */
    int send(LocalDate day) {
        int sent = 0;
        for (UUID owner : owners(day)) {
            if (sendTo(owner, day)) {
                sent++;
            }
        }
        return sent;
    }

    /** The digest of {@code day} for one owner, in its own transaction; false when nothing was queued. */
    boolean sendTo(UUID owner, LocalDate day) {
        return Boolean.TRUE.equals(transactions.execute(status -> queue(owner, day)));
    }

    /** The owners with open findings due by the horizon, in a stable order. */
    List<UUID> owners(LocalDate day) {
        return jdbc.sql("""
                        SELECT DISTINCT f.owner_id FROM finding f
                        WHERE f.status IN ('NEW', 'CONFIRMED', 'IN_PROGRESS', 'REOPENED')
                          AND f.owner_id IS NOT NULL AND f.due_date <= :horizon
                        ORDER BY f.owner_id
                        """)
                .param("horizon", day.plusDays(DAYS))
                .query(UUID.class)
                .list();
    }

    private boolean queue(UUID owner, LocalDate day) {
        List<Due> due = jdbc.sql("""
                        SELECT f.id, f.organisation_id, f.title, f.due_date FROM finding f
                        WHERE f.owner_id = :owner AND f.status IN ('NEW', 'CONFIRMED', 'IN_PROGRESS', 'REOPENED')
                          AND f.due_date <= :horizon
                        ORDER BY f.due_date, LOWER(f.title), f.id
                        """)
                .param("owner", owner)
                .param("horizon", day.plusDays(DAYS))
                .query((rs, n) -> new Due(
                        rs.getObject("id", UUID.class),
                        rs.getObject("organisation_id", UUID.class),
                        rs.getString("title"),
                        rs.getObject("due_date", LocalDate.class)))
                .list();
        Map<UUID, Boolean> member = new LinkedHashMap<>();
        List<Map<String, String>> overdue = new ArrayList<>();
        List<Map<String, String>> soon = new ArrayList<>();
        for (Due d : due) {
            boolean stillMember = member.computeIfAbsent(
                    d.organisationId(), org -> members.activeMember(org, owner).isPresent());
            if (!stillMember) {
                continue;
            }
            (d.dueDate().isBefore(day) ? overdue : soon).add(line(d));
        }
        if (overdue.isEmpty() && soon.isEmpty()) {
            return false;
        }
        Map<String, Object> model = new HashMap<>();
        model.put("day", DAY.format(day));
        model.put("overdue", overdue);
        model.put("soon", soon);
        model.put("link", mail.link("/findings?owner=" + owner));
        return mail.send(
                owner,
                PersonalMail.Kind.WORK,
                "findingDigest:" + day + ":" + owner,
                "mail/findingDigest",
                model,
                overdue.size(),
                soon.size());
    }

    private Map<String, String> line(Due d) {
        Map<String, String> line = new HashMap<>();
        line.put("title", d.title());
        line.put("due", DAY.format(d.dueDate()));
        line.put("link", mail.link("/findings/" + d.id()));
        return line;
    }
}
