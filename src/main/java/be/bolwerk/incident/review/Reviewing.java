package be.bolwerk.incident.review;

import be.bolwerk.incident.IncidentId;
import be.bolwerk.incident.IncidentNotFound;
import be.bolwerk.incident.IncidentSeverity;
import be.bolwerk.incident.IncidentStatus;
import be.bolwerk.incident.event.work.IncidentLessonAdopted;
import be.bolwerk.incident.event.work.IncidentLessonRecorded;
import be.bolwerk.incident.event.work.IncidentReviewed;
import be.bolwerk.incident.handling.Actor;
import be.bolwerk.incident.handling.Incident;
import be.bolwerk.incident.handling.IncidentAccess;
import be.bolwerk.shared.Refusal;
import be.bolwerk.shared.security.CurrentUser;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the CRT learns when an incident is over: the root cause and the lessons, written by CRT analysts once the
 * incident is recovered or closed. A lesson goes into the organisation's improvement plan when the CRT or the
 * organisation's admin adopts it: once, whoever clicks first (the findings register makes the finding from the
 * event, idempotently). The organisation's people read all of it.
 */
@Service
public class Reviewing {

    static final String NOT_YET = "incident.review.rule.notYet";
    static final String ROOT_CAUSE_REQUIRED = "incident.review.rule.rootCauseRequired";
    static final String TITLE_REQUIRED = "incident.review.rule.titleRequired";
    static final String ALREADY_ADOPTED = "incident.review.rule.adopted";

    /** The statuses in which the incident is over enough to say what it teaches. */
    static final Set<IncidentStatus> REVIEWABLE = EnumSet.of(IncidentStatus.RECOVERED, IncidentStatus.CLOSED);

    /** What the lessons page shows. */
    public record Review(Optional<RootCause> rootCause, List<Lesson> lessons) {}

    private final IncidentAccess access;
    private final ReviewStore store;
    private final ReviewMails mails;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Reviewing(
            IncidentAccess access,
            ReviewStore store,
            ReviewMails mails,
            ApplicationEventPublisher events,
            Clock clock) {
        this.access = access;
        this.store = store;
        this.mails = mails;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Review review(IncidentId id, CurrentUser user) {
        access.load(id, user);
        return new Review(store.rootCause(id), store.lessons(id));
    }

    /** Whether the incident is far enough for its root cause and lessons. */
    public static boolean reviewable(Incident incident) {
        return REVIEWABLE.contains(incident.status());
    }

    @Transactional
    public void recordRootCause(IncidentId id, String text, CurrentUser user) {
        Incident incident = reviewableBy(id, user);
        if (text == null || text.isBlank()) {
            throw Refusal.invalid(ROOT_CAUSE_REQUIRED);
        }
        Actor by = Actor.of(user);
        store.saveRootCause(id, incident.organisationId(), text.strip(), by, clock.instant());
        events.publishEvent(
                new IncidentReviewed(id, incident.organisationId(), incident.reference(), by.id(), by.name()));
    }

    @Transactional
    public UUID addLesson(IncidentId id, String title, String detail, IncidentSeverity priority, CurrentUser user) {
        Incident incident = reviewableBy(id, user);
        if (title == null || title.isBlank()) {
            throw Refusal.invalid(TITLE_REQUIRED);
        }
        UUID lessonId = UUID.randomUUID();
        Actor by = Actor.of(user);
        Instant now = clock.instant();
        String cleanDetail = detail == null || detail.isBlank() ? null : detail.strip();
        store.addLesson(
                id,
                incident.organisationId(),
                lessonId,
                title.strip(),
                cleanDetail,
                priority == null ? IncidentSeverity.MEDIUM : priority,
                by,
                now);
        events.publishEvent(new IncidentLessonRecorded(
                id, incident.organisationId(), incident.reference(), lessonId, title.strip(), by.id(), by.name()));
        mails.lessonRecorded(incident, lessonId, title.strip());
        return lessonId;
    }

    /** Takes the lesson into the organisation's improvement plan; refused when it is there already. */
    @Transactional
    public void adopt(IncidentId id, UUID lessonId, CurrentUser user) {
        IncidentAccess.Loaded loaded = access.load(id, user);
        if (!loaded.access().mayHandle() && !loaded.access().mayDecideForOrganisation()) {
            throw new AccessDeniedException("only the CRT and the organisation's admins adopt lessons");
        }
        Lesson lesson = store.lesson(id, lessonId).orElseThrow(IncidentNotFound::new);
        Actor by = Actor.of(user);
        if (!store.adopt(id, lessonId, by, clock.instant())) {
            throw Refusal.conflict(ALREADY_ADOPTED);
        }
        Incident incident = loaded.incident();
        events.publishEvent(new IncidentLessonAdopted(
                id,
                incident.organisationId(),
                incident.reference(),
                lesson.id(),
                lesson.title(),
                lesson.detail(),
                lesson.priority(),
                by.id(),
                by.name()));
    }

    private Incident reviewableBy(IncidentId id, CurrentUser user) {
        IncidentAccess.Loaded loaded = access.load(id, user);
        if (!loaded.access().mayHandle()) {
            throw new AccessDeniedException("only the CRT records root causes and lessons");
        }
        if (!reviewable(loaded.incident())) {
            throw Refusal.conflict(NOT_YET);
        }
        return loaded.incident();
    }
}
