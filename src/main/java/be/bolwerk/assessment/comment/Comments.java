package be.bolwerk.assessment.comment;

import be.bolwerk.assessment.evaluation.Access;
import be.bolwerk.assessment.evaluation.AssessmentNotFound;
import be.bolwerk.assessment.evaluation.Evaluations;
import be.bolwerk.framework.FrameworkNode;
import be.bolwerk.identity.OrganisationMember;
import be.bolwerk.identity.OrganisationMembers;
import be.bolwerk.identity.PersonalMail;
import be.bolwerk.shared.security.CurrentUser;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The thread of comments under one control. Whoever may open the control's area reads and writes it; the
 * thread of a control one may not open, or of another organisation, does not exist for them (404). A comment
 * that names a colleague as {@code @Name} mails them a link to the control, in the same transaction, when
 * they may open it too. Comments are never edited or deleted (ADR 0018).
 */
@Service
public class Comments {

    /** One comment as the thread shows it. */
    public record Comment(UUID id, String author, String body, Instant createdAt) {}

    /** The control and its thread. */
    public record Thread(UUID assessmentId, FrameworkNode area, FrameworkNode control, List<Comment> comments) {}

    private final Evaluations evaluations;
    private final CommentStore store;
    private final OrganisationMembers members;
    private final PersonalMail mail;
    private final Clock clock;

    Comments(Evaluations evaluations, CommentStore store, OrganisationMembers members, PersonalMail mail, Clock clock) {
        this.evaluations = evaluations;
        this.store = store;
        this.members = members;
        this.mail = mail;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Thread thread(UUID id, String controlRef, CurrentUser user) {
        Evaluations.Checked checked = checked(id, controlRef, user);
        Map<UUID, String> names = members.of(checked.assessment().organisationId()).stream()
                .collect(Collectors.toMap(OrganisationMember::accountId, OrganisationMember::displayName));
        List<Comment> comments = store.thread(checked.assessment().organisationId(), id, controlRef).stream()
                .map(c -> new Comment(c.id(), names.getOrDefault(c.authorId(), "—"), c.body(), c.createdAt()))
                .toList();
        return new Thread(
                id,
                checked.framework().areaOf(controlRef).orElseThrow(AssessmentNotFound::new),
                checked.framework().node(controlRef).orElseThrow(AssessmentNotFound::new),
                comments);
    }

    /** Adds a comment; returns the colleagues it mailed because it mentions them. */
    @Transactional
    public List<String> post(UUID id, String controlRef, String body, CurrentUser user) {
        Evaluations.Checked checked = checked(id, controlRef, user);
        UUID organisation = checked.assessment().organisationId();
        UUID commentId = UUID.randomUUID();
        String text = body.strip();
        store.add(organisation, id, controlRef, commentId, user.id(), text, clock.instant());
        String area =
                checked.framework().areaOf(controlRef).map(FrameworkNode::ref).orElseThrow();
        FrameworkNode control = checked.framework().node(controlRef).orElseThrow();
        String author = members.of(organisation).stream()
                .filter(m -> m.accountId().equals(user.id()))
                .map(OrganisationMember::displayName)
                .findFirst()
                .orElse(user.displayName());
        List<OrganisationMember> mentioned = mentioned(text, members.active(organisation), user).stream()
                .filter(m -> new Access(checked.assessment(), m.role(), m.accountId()).mayOpen(area))
                .toList();
        for (OrganisationMember colleague : mentioned) {
            mail.send(
                    colleague.accountId(),
                    PersonalMail.Kind.WORK,
                    "mention:" + commentId + ":" + colleague.accountId(),
                    "mail/mentioned",
                    Map.of(
                            "author",
                            author,
                            "control",
                            control.ref() + " " + control.title(),
                            "framework",
                            checked.framework().title() + " "
                                    + checked.framework().version(),
                            "year",
                            String.valueOf(checked.assessment().year()),
                            "text",
                            text,
                            "link",
                            mail.link("/assessments/" + id + "/controls/" + controlRef + "/comments")),
                    author,
                    control.ref());
        }
        return mentioned.stream().map(OrganisationMember::displayName).toList();
    }

    /**
     * The colleagues named as {@code @Display Name} (any case), the writer excepted. The longest names are
     * tried first so that "@An Peeters" does not also count as a mention of a colleague called "An".
     */
    static List<OrganisationMember> mentioned(String text, List<OrganisationMember> colleagues, CurrentUser writer) {
        String lower = text.toLowerCase(Locale.ROOT);
        StringBuilder rest = new StringBuilder(lower);
        return colleagues.stream()
                .filter(m -> !m.accountId().equals(writer.id()))
                .sorted((a, b) -> b.displayName().length() - a.displayName().length())
                .filter(m -> {
                    String token = "@" + m.displayName().toLowerCase(Locale.ROOT);
                    int at = rest.indexOf(token);
                    if (at < 0) {
                        return false;
                    }
                    rest.replace(at, at + token.length(), " ".repeat(token.length()));
                    return true;
                })
                .collect(Collectors.toMap(OrganisationMember::accountId, Function.identity(), (a, b) -> a))
                .values()
                .stream()
                .toList();
    }

    private Evaluations.Checked checked(UUID id, String controlRef, CurrentUser user) {
        Evaluations.Checked checked = evaluations.load(id, user);
        String area =
                checked.framework().areaOf(controlRef).map(FrameworkNode::ref).orElseThrow(AssessmentNotFound::new);
        if (checked.framework()
                        .node(controlRef)
                        .filter(FrameworkNode::isControl)
                        .isEmpty()
                || !checked.access().mayOpen(area)) {
            throw new AssessmentNotFound();
        }
        return checked;
    }
}
