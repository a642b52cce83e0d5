package be.bolwerk.incident.playbook;

import be.bolwerk.incident.IncidentCategory;
import be.bolwerk.incident.IncidentId;
import be.bolwerk.incident.event.IncidentTriaged;
import be.bolwerk.incident.event.work.IncidentTaskDone;
import be.bolwerk.incident.event.work.IncidentTaskReopened;
import be.bolwerk.incident.handling.Access;
import be.bolwerk.incident.handling.Actor;
import be.bolwerk.incident.handling.Incident;
import be.bolwerk.incident.handling.IncidentAccess;
import be.bolwerk.shared.Refusal;
import be.bolwerk.shared.security.CurrentUser;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An incident's tasks. At triage the incident gets its category's playbook, once (the applied table decides, so a
 * repeated event copies nothing); after a reclassification the CRT may add the new category's playbook explicitly.
 * The CRT ticks any task done or open again; the organisation's members and admins tick the tasks on their side.
 */
@Service
public class Tasks {

    public static final String TASK_STATE = "incident.task.rule.state";
    public static final String PLAYBOOK_APPLIED = "incident.task.rule.playbookApplied";

    private final TaskStore store;
    private final PlaybookStore playbooks;
    private final IncidentAccess access;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Tasks(
            TaskStore store,
            PlaybookStore playbooks,
            IncidentAccess access,
            ApplicationEventPublisher events,
            Clock clock) {
        this.store = store;
        this.playbooks = playbooks;
        this.access = access;
        this.events = events;
        this.clock = clock;
    }

    /**
     * In the triage's transaction (a plain listener, not an after-commit one): the tasks exist as soon as the
     * triaged incident does, or neither does.
     */
    @EventListener
    void on(IncidentTriaged triaged) {
        if (!store.anyApplied(triaged.incidentId())) {
            apply(triaged.incidentId(), triaged.organisationId(), triaged.category(), triaged.at());
        }
    }

    /** The tasks of an incident the person may see, in order. */
    @Transactional(readOnly = true)
    public List<IncidentTask> of(IncidentId id, CurrentUser user) {
        access.load(id, user);
        return store.of(id);
    }

    /** The categories whose playbook the incident got. */
    @Transactional(readOnly = true)
    public List<IncidentCategory> applied(IncidentId id, CurrentUser user) {
        access.load(id, user);
        return store.applied(id);
    }

    /** Adds the playbook of the incident's current category, due from now; refused when it got it before. */
    @Transactional
    public void addPlaybook(IncidentId id, CurrentUser user) {
        IncidentAccess.Loaded loaded = access.load(id, user);
        if (!loaded.access().mayHandle()) {
            throw new AccessDeniedException("only the CRT adds playbooks");
        }
        Incident incident = loaded.incident();
        if (incident.category() == null) {
            throw Refusal.conflict(PLAYBOOK_APPLIED);
        }
        if (!apply(incident.id(), incident.organisationId(), incident.category(), clock.instant())) {
            throw Refusal.conflict(PLAYBOOK_APPLIED);
        }
    }

    @Transactional
    public void done(IncidentId id, UUID taskId, CurrentUser user) {
        Ticking t = ticking(id, taskId, user);
        Actor actor = Actor.of(user);
        Instant now = clock.instant();
        if (!store.done(taskId, actor.id(), actor.name(), now)) {
            throw Refusal.conflict(TASK_STATE);
        }
        events.publishEvent(new IncidentTaskDone(
                id,
                t.incident().organisationId(),
                t.incident().reference(),
                taskId,
                t.task().title(),
                actor.id(),
                actor.name(),
                now));
    }

    @Transactional
    public void undo(IncidentId id, UUID taskId, CurrentUser user) {
        Ticking t = ticking(id, taskId, user);
        if (!store.undo(taskId)) {
            throw Refusal.conflict(TASK_STATE);
        }
        Actor actor = Actor.of(user);
        events.publishEvent(new IncidentTaskReopened(
                id,
                t.incident().organisationId(),
                t.incident().reference(),
                taskId,
                t.task().title(),
                actor.id(),
                actor.name(),
                clock.instant()));
    }

    /** Whether this person may tick this task: the CRT any, the organisation's members and admins their side's. */
    public static boolean mayTick(Access access, IncidentTask task) {
        return access.mayHandle() || (access.mayContribute() && task.side() == Side.ORGANISATION);
    }

    private record Ticking(Incident incident, IncidentTask task) {}

    private Ticking ticking(IncidentId id, UUID taskId, CurrentUser user) {
        IncidentAccess.Loaded loaded = access.load(id, user);
        IncidentTask task = store.find(id, taskId).orElseThrow(Playbooks.TaskNotFound::new);
        if (!mayTick(loaded.access(), task)) {
            throw new AccessDeniedException("not this person's task to tick");
        }
        return new Ticking(loaded.incident(), task);
    }

    private boolean apply(IncidentId id, UUID organisationId, IncidentCategory category, Instant from) {
        if (!store.markApplied(id, category, clock.instant())) {
            return false;
        }
        for (PlaybookTask template : playbooks.of(category)) {
            store.insert(
                    new IncidentTask(
                            UUID.randomUUID(),
                            id,
                            organisationId,
                            0,
                            template.title(),
                            template.description(),
                            template.side(),
                            null,
                            from.plus(Duration.ofHours(template.dueHours())),
                            null,
                            null),
                    category);
        }
        return true;
    }
}
