package be.bolwerk.incident.playbook;

import be.bolwerk.incident.IncidentCategory;
import be.bolwerk.shared.NotFound;
import be.bolwerk.shared.Refusal;
import be.bolwerk.shared.security.CurrentUser;
import be.bolwerk.shared.security.Persona;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The CRT keeps its playbooks here: per category an ordered list of task templates. Only CRT analysts read and
 * change them (they are the CRT's way of working, not the organisations' business). An edit changes what the next
 * triage copies, never the tasks of incidents already under way.
 */
@Service
public class Playbooks {

    public static final String TITLE_REQUIRED = "incident.playbook.rule.titleRequired";
    public static final String TOO_LONG = "incident.playbook.rule.tooLong";
    public static final String DUE_RANGE = "incident.playbook.rule.dueRange";
    public static final String SIDE_REQUIRED = "incident.playbook.rule.sideRequired";
    public static final String CATEGORY_REQUIRED = "incident.rule.categoryRequired";
    static final int MAX_DUE_HOURS = 24 * 90;

    /** What a person types for one template. */
    public record Template(String title, String description, Side side, Integer dueHours) {}

    /** A template or task that does not exist, or a task of another incident: both answer 404. */
    public static final class TaskNotFound extends NotFound {
        public TaskNotFound() {
            super("Task not found");
        }
    }

    private final PlaybookStore store;

    Playbooks(PlaybookStore store) {
        this.store = store;
    }

    /** Every category with its templates in order, categories without any included. */
    @Transactional(readOnly = true)
    public Map<IncidentCategory, List<PlaybookTask>> all(CurrentUser user) {
        crt(user);
        Map<IncidentCategory, List<PlaybookTask>> all = new EnumMap<>(IncidentCategory.class);
        for (IncidentCategory category : IncidentCategory.values()) {
            all.put(category, new ArrayList<>());
        }
        store.all().forEach(t -> all.get(t.category()).add(t));
        return all;
    }

    @Transactional(readOnly = true)
    public PlaybookTask find(UUID id, CurrentUser user) {
        crt(user);
        return store.find(id).orElseThrow(TaskNotFound::new);
    }

    @Transactional
    public UUID add(IncidentCategory category, Template template, CurrentUser user) {
        crt(user);
        if (category == null) {
            throw Refusal.invalid(CATEGORY_REQUIRED);
        }
        checked(template);
        UUID id = UUID.randomUUID();
        store.add(new PlaybookTask(
                id,
                category,
                0,
                template.title().strip(),
                blankToNull(template.description()),
                template.side(),
                template.dueHours()));
        return id;
    }

    @Transactional
    public void change(UUID id, Template template, CurrentUser user) {
        find(id, user);
        checked(template);
        store.change(
                id,
                template.title().strip(),
                blankToNull(template.description()),
                template.side(),
                template.dueHours());
    }

    @Transactional
    public void remove(UUID id, CurrentUser user) {
        find(id, user);
        store.remove(id);
    }

    /** Swaps the template with its neighbour above ({@code up}) or below; at the edge nothing moves. */
    @Transactional
    public void move(UUID id, boolean up, CurrentUser user) {
        PlaybookTask task = find(id, user);
        List<PlaybookTask> list = store.of(task.category());
        int index = -1;
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).id().equals(id)) {
                index = i;
            }
        }
        int other = up ? index - 1 : index + 1;
        if (index < 0 || other < 0 || other >= list.size()) {
            return;
        }
        // Renumber the whole list, so positions that were equal or had gaps end up distinct.
        List<PlaybookTask> ordered = new ArrayList<>(list);
        ordered.set(index, list.get(other));
        ordered.set(other, list.get(index));
        for (int i = 0; i < ordered.size(); i++) {
            store.position(ordered.get(i).id(), i + 1);
        }
    }

    private static void checked(Template t) {
        if (t.title() == null || t.title().isBlank()) {
            throw Refusal.invalid(TITLE_REQUIRED);
        }
        if (t.title().strip().length() > 200) {
            throw Refusal.invalid(TOO_LONG, 200);
        }
        if (t.description() != null && t.description().strip().length() > 2000) {
            throw Refusal.invalid(TOO_LONG, 2000);
        }
        if (t.side() == null) {
            throw Refusal.invalid(SIDE_REQUIRED);
        }
        if (t.dueHours() == null || t.dueHours() < 0 || t.dueHours() > MAX_DUE_HOURS) {
            throw Refusal.invalid(DUE_RANGE, MAX_DUE_HOURS);
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static void crt(CurrentUser user) {
        if (!user.has(Persona.CRT_ANALYST)) {
            throw new AccessDeniedException("playbooks are the CRT's");
        }
    }
}
