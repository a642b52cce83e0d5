package be.bolwerk.findings.register;

import be.bolwerk.findings.FindingId;
import be.bolwerk.identity.OrganisationMember;
import be.bolwerk.identity.OrganisationMembers;
import be.bolwerk.identity.PersonalMail;
import be.bolwerk.shared.BelgianTime;
import be.bolwerk.shared.Refusal;
import be.bolwerk.shared.security.CurrentUser;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One change to several findings at once, as an organisation's admin chooses them on the register: give them an
 * owner, or move their due date with a reason. First a preview that says what will change; then, confirmed, one
 * transaction in which each finding takes its own named step (its own history line and event). A finding the person
 * cannot see makes the whole action not found, one that changed since the preview makes it a conflict: nothing is
 * written then. Every owner concerned gets one mail that lists their findings, not one per finding.
 */
@Service
public class Bulk {

    /** At most this many findings in one action: a page of the register is 25. */
    public static final int MAX = 100;

    static final String NONE = "findings.bulk.rule.none";
    static final String TOO_MANY = "findings.bulk.rule.tooMany";
    static final String OWNER_REQUIRED = "findings.bulk.rule.ownerRequired";
    static final String NOT_A_MEMBER = "findings.bulk.rule.ownerNotMember";
    static final String DUE_REQUIRED = "findings.bulk.rule.dueRequired";
    static final String DUE_PAST = "findings.bulk.rule.duePast";
    static final String REASON_REQUIRED = "findings.bulk.rule.reasonRequired";
    static final String CLOSED = "findings.bulk.rule.closed";
    static final String STALE = "findings.bulk.rule.stale";

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd-MM-yyyy");

    /** What to do with the chosen findings. */
    public enum Kind {
        ASSIGN,
        MOVE_DUE
    }

    /** The change: the new owner (assign) or the new due date and its reason (move). */
    public record Change(Kind kind, UUID owner, LocalDate due, String reason) {

        public Change {
            Objects.requireNonNull(kind, "kind");
            reason = reason == null ? "" : reason.strip();
        }
    }

    /** A finding as it was shown in the preview: the confirmation changes it only if it still has this revision. */
    public record Item(FindingId id, int revision) {}

    /** One line of the preview: the finding before and after; {@code unchanged} when it already is so. */
    public record Line(
            FindingId id,
            int revision,
            String title,
            String ownerBefore,
            String ownerAfter,
            LocalDate dueBefore,
            LocalDate dueAfter,
            boolean unchanged) {}

    private final FindingAccess access;
    private final FindingStore store;
    private final OrganisationMembers members;
    private final PersonalMail mail;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Bulk(
            FindingAccess access,
            FindingStore store,
            OrganisationMembers members,
            PersonalMail mail,
            ApplicationEventPublisher events,
            Clock clock) {
        this.access = access;
        this.store = store;
        this.members = members;
        this.mail = mail;
        this.events = events;
        this.clock = clock;
    }

    /** What the change would do to each finding; refused as the confirmation would be, nothing written. */
    @Transactional(readOnly = true)
    public List<Line> preview(List<FindingId> ids, Change change, CurrentUser user) {
        List<Line> lines = new ArrayList<>();
        for (Finding finding : load(ids, user)) {
            lines.add(line(finding, change));
        }
        return lines;
    }

    /**
     * Takes the step on every finding that changes, in one transaction, and mails each owner concerned once.
     * Returns how many findings changed.
     */
    @Transactional
    public int apply(List<Item> items, Change change, CurrentUser user) {
        Map<FindingId, Integer> revisions = new LinkedHashMap<>();
        items.forEach(item -> revisions.put(item.id(), item.revision()));
        List<Finding> findings = load(List.copyOf(revisions.keySet()), user);
        Actor by = Actor.of(user);
        Instant at = clock.instant();
        Map<UUID, List<Finding>> mailTo = new LinkedHashMap<>();
        int changed = 0;
        for (Finding finding : findings) {
            if (finding.revision() != revisions.get(finding.id())) {
                throw Refusal.conflict(STALE, finding.title());
            }
            Line line = line(finding, change);
            if (line.unchanged()) {
                continue;
            }
            if (change.kind() == Kind.ASSIGN) {
                OrganisationMember owner = owner(finding, change);
                finding.assign(owner.accountId(), owner.displayName(), by, at);
            } else {
                finding.moveDueDate(change.due(), change.reason(), by, at);
            }
            store.update(finding);
            finding.events().forEach(events::publishEvent);
            if (finding.ownerId() != null) {
                mailTo.computeIfAbsent(finding.ownerId(), o -> new ArrayList<>())
                        .add(finding);
            }
            changed++;
        }
        UUID action = UUID.randomUUID();
        mailTo.forEach((owner, theirs) -> mail(action, owner, change, theirs));
        return changed;
    }

    private List<Finding> load(List<FindingId> ids, CurrentUser user) {
        List<FindingId> unique = List.copyOf(new LinkedHashSet<>(ids));
        if (unique.isEmpty()) {
            throw Refusal.invalid(NONE);
        }
        if (unique.size() > MAX) {
            throw Refusal.invalid(TOO_MANY, MAX);
        }
        List<Finding> findings = new ArrayList<>();
        for (FindingId id : unique) {
            FindingAccess.Loaded loaded = access.load(id, user);
            if (!loaded.access().mayDecide()) {
                throw new AccessDeniedException("only the organisation's admins change findings in bulk");
            }
            findings.add(loaded.finding());
        }
        return findings;
    }

    private Line line(Finding finding, Change change) {
        if (change.kind() == Kind.ASSIGN) {
            OrganisationMember owner = owner(finding, change);
            return new Line(
                    finding.id(),
                    finding.revision(),
                    finding.title(),
                    finding.ownerName(),
                    owner.displayName(),
                    finding.dueDate(),
                    finding.dueDate(),
                    owner.accountId().equals(finding.ownerId()));
        }
        if (change.due() == null) {
            throw Refusal.invalid(DUE_REQUIRED);
        }
        if (change.due().isBefore(BelgianTime.today(clock))) {
            throw Refusal.invalid(DUE_PAST);
        }
        if (change.reason().isEmpty()) {
            throw Refusal.invalid(REASON_REQUIRED);
        }
        if (!finding.status().isOpen()) {
            throw Refusal.conflict(CLOSED, finding.title());
        }
        return new Line(
                finding.id(),
                finding.revision(),
                finding.title(),
                finding.ownerName(),
                finding.ownerName(),
                finding.dueDate(),
                change.due(),
                change.due().equals(finding.dueDate()));
    }

    private OrganisationMember owner(Finding finding, Change change) {
        if (change.owner() == null) {
            throw Refusal.invalid(OWNER_REQUIRED);
        }
        return members.activeMember(finding.organisationId(), change.owner())
                .orElseThrow(() -> Refusal.invalid(NOT_A_MEMBER, finding.title()));
    }

    private void mail(UUID action, UUID owner, Change change, List<Finding> theirs) {
        List<Map<String, String>> lines = new ArrayList<>();
        for (Finding finding : theirs) {
            Map<String, String> line = new HashMap<>();
            line.put("title", finding.title());
            line.put("due", finding.dueDate() == null ? "-" : DAY.format(finding.dueDate()));
            line.put("link", mail.link("/findings/" + finding.id()));
            lines.add(line);
        }
        Map<String, Object> model = new HashMap<>();
        model.put("owner", theirs.get(0).ownerName());
        model.put("assigned", change.kind() == Kind.ASSIGN);
        model.put("reason", change.reason());
        model.put("findings", lines);
        model.put("link", mail.link("/findings?owner=" + owner));
        mail.send(
                owner,
                PersonalMail.Kind.WORK,
                "findingBulk:" + action + ":" + owner,
                "mail/findingBulk",
                model,
                theirs.size());
    }
}
