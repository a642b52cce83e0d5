package be.bolwerk.incident.notice;

import be.bolwerk.incident.IncidentId;
import be.bolwerk.incident.IncidentNotFound;
import be.bolwerk.incident.handling.Access;
import be.bolwerk.incident.handling.Actor;
import be.bolwerk.incident.handling.Incident;
import be.bolwerk.incident.handling.IncidentPages;
import be.bolwerk.incident.obligation.Obligation;
import be.bolwerk.incident.obligation.ObligationState;
import be.bolwerk.incident.obligation.Obligations;
import be.bolwerk.incident.review.Reviewing;
import be.bolwerk.incident.timeline.AffectedAssets;
import be.bolwerk.incident.timeline.Entry;
import be.bolwerk.incident.timeline.EntryKind;
import be.bolwerk.incident.timeline.Indicators;
import be.bolwerk.incident.timeline.Timeline;
import be.bolwerk.shared.Refusal;
import be.bolwerk.shared.security.CurrentUser;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The use case of the notification drafts (ADR 0042): list them per obligation, open one with its fact base and the
 * exact text, draft one, choose its fields, and record its submission. CRT analysts and the organisation's admins
 * draft and submit (as they record obligations); members and viewers read (403 when they try); anyone else gets 404
 * through {@link IncidentPages}. A submission of an obligation's draft is recorded through
 * {@link Obligations#submit} in the same transaction, so its refusals (a late one needs the reason) stop both.
 */
@Service
public class Notices {

    static final String NOT_DRAFTED = "incident.notice.rule.notDrafted";
    static final String OBLIGATION_RECORDED = "incident.notice.rule.obligationRecorded";
    private static final Locale DUTCH = Locale.forLanguageTag("nl");

    /** An obligation that can be notified from here, with its drafts (oldest first). */
    public record Row(Obligation obligation, NoticeRecipient recipient, List<Notice> notices) {}

    /** The drafts page: the obligations' drafts and the insurer's. */
    public record Overview(List<Row> obligations, List<Notice> insurer, boolean mayEdit) {}

    /** One draft as its page shows it: the fact base now, and the text that goes (or went) out. */
    public record Detail(
            Notice notice, FactBase base, String text, String recipientName, Obligation obligation, boolean mayEdit) {}

    /** What a submission records; phased and the delay reason only matter for an obligation. */
    public record Submission(
            Instant submittedAt, String channel, String externalReference, boolean phased, String delayReason) {}

    private final IncidentPages pages;
    private final Obligations obligations;
    private final AffectedAssets assets;
    private final Indicators indicators;
    private final Reviewing reviewing;
    private final Timeline timeline;
    private final NoticeStore store;
    private final NoticeMails mails;
    private final MessageSource messages;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Notices(
            IncidentPages pages,
            Obligations obligations,
            AffectedAssets assets,
            Indicators indicators,
            Reviewing reviewing,
            Timeline timeline,
            NoticeStore store,
            NoticeMails mails,
            MessageSource messages,
            ApplicationEventPublisher events,
            Clock clock) {
        this.pages = pages;
        this.obligations = obligations;
        this.assets = assets;
        this.indicators = indicators;
        this.reviewing = reviewing;
        this.timeline = timeline;
        this.store = store;
        this.mails = mails;
        this.messages = messages;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Overview overview(IncidentId id, CurrentUser user) {
        IncidentPages.Page page = pages.load(id, user);
        List<Notice> all = store.of(id);
        List<Row> rows = new ArrayList<>();
        for (Obligation o : obligations.view(id, user).obligations()) {
            NoticeRecipient.of(o.kind())
                    .ifPresent(kind -> rows.add(new Row(
                            o,
                            kind,
                            all.stream()
                                    .filter(n -> o.id().equals(n.obligationId()))
                                    .toList())));
        }
        List<Notice> insurer = all.stream()
                .filter(n -> n.recipient() == NoticeRecipient.INSURER)
                .toList();
        return new Overview(rows, insurer, mayEdit(page.access()));
    }

    @Transactional(readOnly = true)
    public Detail detail(IncidentId id, UUID noticeId, CurrentUser user) {
        IncidentPages.Page page = pages.load(id, user);
        Notice notice = store.find(id, noticeId).orElseThrow(IncidentNotFound::new);
        return detail(page, notice, user);
    }

    /**
     * Drafts a notification for the obligation, or for the insurer when {@code obligationId} is null; while one for
     * the same recipient and obligation is still open, that one is answered instead.
     */
    @Transactional
    public UUID draft(IncidentId id, UUID obligationId, CurrentUser user) {
        Incident incident = editable(id, user).incident();
        NoticeRecipient recipient = NoticeRecipient.INSURER;
        if (obligationId != null) {
            Obligation obligation = obligation(id, obligationId, user);
            recipient = NoticeRecipient.of(obligation.kind()).orElseThrow(() -> Refusal.invalid(NOT_DRAFTED));
            if (obligation.state() != ObligationState.PENDING) {
                throw Refusal.conflict(OBLIGATION_RECORDED);
            }
        }
        // A double click (or a second tab) opens the draft still being written instead of starting another one.
        UUID owner = obligationId;
        NoticeRecipient kind = recipient;
        Optional<Notice> open = store.of(id).stream()
                .filter(n -> !n.submitted() && n.recipient() == kind && Objects.equals(n.obligationId(), owner))
                .findFirst();
        if (open.isPresent()) {
            return open.get().id();
        }
        Notice notice = Notice.draft(
                id,
                incident.organisationId(),
                incident.reference(),
                recipient,
                obligationId,
                Actor.of(user),
                clock.instant());
        store.insert(notice);
        notice.event().ifPresent(events::publishEvent);
        return notice.id();
    }

    /** Chooses the fields and the cover text of a draft read at {@code revision}. */
    @Transactional
    public void choose(
            IncidentId id, UUID noticeId, Set<NoticeField> fields, String cover, int revision, CurrentUser user) {
        editable(id, user);
        Notice notice = store.find(id, noticeId).orElseThrow(IncidentNotFound::new);
        notice.choose(fields, cover, revision, Actor.of(user), clock.instant());
        if (!store.update(notice, revision)) {
            throw Refusal.conflict(Notice.STALE);
        }
    }

    /**
     * Records that the draft read at {@code revision} was submitted: freezes its text now, and records the
     * obligation's submission (or, for the insurer, a timeline entry). Mails the organisation's admins and the lead
     * analyst.
     */
    @Transactional
    public void submit(IncidentId id, UUID noticeId, Submission submission, int revision, CurrentUser user) {
        IncidentPages.Page page = editable(id, user);
        Incident incident = page.incident();
        Notice notice = store.find(id, noticeId).orElseThrow(IncidentNotFound::new);
        notice.requireOpen(revision);
        Detail now = detail(page, notice, user);
        if (notice.obligationId() != null) {
            obligations.submit(
                    id,
                    notice.obligationId(),
                    new Obligations.Submission(
                            submission.submittedAt(),
                            submission.channel(),
                            submission.externalReference(),
                            submission.phased(),
                            submission.delayReason()),
                    user);
        }
        Actor by = Actor.of(user);
        notice.submit(
                now.text(),
                submission.submittedAt(),
                submission.channel(),
                submission.externalReference(),
                revision,
                incident.reference(),
                by,
                clock.instant());
        if (!store.update(notice, revision)) {
            throw Refusal.conflict(Notice.STALE);
        }
        notice.event().ifPresent(events::publishEvent);
        if (notice.recipient() == NoticeRecipient.INSURER) {
            // No obligation record for the insurer: the timeline keeps that it went out, and which text.
            timeline.write(
                    id,
                    new Entry.Draft(
                            EntryKind.ACTION,
                            word(
                                    "incident.notice.timelineEntry",
                                    now.recipientName(),
                                    notice.snapshot().orElseThrow().channel(),
                                    notice.snapshot().orElseThrow().sha256()),
                            submission.submittedAt(),
                            incident.tlp()),
                    null,
                    user);
        }
        mails.submitted(incident, notice, now.recipientName(), user.id());
    }

    private Detail detail(IncidentPages.Page page, Notice notice, CurrentUser user) {
        IncidentId id = page.incident().id();
        Obligation obligation = notice.obligationId() == null ? null : obligation(id, notice.obligationId(), user);
        Reviewing.Review review = reviewing.review(id, user);
        FactBase base = FactBases.of(
                new FactBases.Sources(
                        page.incident(),
                        page.header().organisationName(),
                        obligations.view(id, user).facts(),
                        assets.of(id, user),
                        indicators.of(id, user),
                        review.rootCause(),
                        review.lessons()),
                this::word);
        String recipientName = recipientName(page.incident(), notice, obligation);
        String text = notice.snapshot()
                .map(Notice.Snapshot::text)
                .orElseGet(() -> NoticeText.render(
                        new NoticeText.Heading(
                                base.tlp().label(),
                                word("incident.notice.text.title", base.reference(), recipientName),
                                word("incident.notice.text.organisation", base.organisationName()),
                                word(
                                        "incident.notice.text.subject",
                                        obligation == null
                                                ? word("incident.notice.insurerSubject")
                                                : word("incident.obligation.kind." + obligation.kind()))),
                        notice.cover(),
                        notice.fields(),
                        base,
                        field -> word(field.label()),
                        word("incident.notice.text.unknown")));
        return new Detail(notice, base, text, recipientName, obligation, mayEdit(page.access()));
    }

    private String recipientName(Incident incident, Notice notice, Obligation obligation) {
        if (obligation != null) {
            return word("incident.obligation.recipient." + obligation.recipient());
        }
        String insurer = incident.report().insurer();
        return insurer == null || insurer.isBlank() ? word("incident.notice.recipient.INSURER") : insurer.strip();
    }

    private Obligation obligation(IncidentId id, UUID obligationId, CurrentUser user) {
        return obligations.view(id, user).obligations().stream()
                .filter(o -> o.id().equals(obligationId))
                .findFirst()
                .orElseThrow(IncidentNotFound::new);
    }

    private IncidentPages.Page editable(IncidentId id, CurrentUser user) {
        IncidentPages.Page page = pages.load(id, user);
        if (!mayEdit(page.access())) {
            throw new AccessDeniedException("members and viewers read the notification drafts");
        }
        return page;
    }

    private static boolean mayEdit(Access access) {
        return access.mayHandle() || access.mayDecideForOrganisation();
    }

    /** The drafts are Dutch whatever the reader's language: they go to Belgian authorities as they are. */
    private String word(String key, Object... arguments) {
        return messages.getMessage(key, arguments, DUTCH);
    }
}
