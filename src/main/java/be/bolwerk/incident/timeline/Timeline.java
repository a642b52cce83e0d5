package be.bolwerk.incident.timeline;

import be.bolwerk.incident.IncidentId;
import be.bolwerk.incident.handling.Access;
import be.bolwerk.incident.handling.Actor;
import be.bolwerk.incident.handling.IncidentAccess;
import be.bolwerk.shared.Refusal;
import be.bolwerk.shared.security.CurrentUser;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writing and reading an incident's timeline and communication log. Everyone who may see the incident reads it;
 * those who may contribute write (403 otherwise, after the 404 of an incident they may not see). A message mails
 * the other side in the same transaction.
 */
@Service
public class Timeline {

    static final String CORRECTS_UNKNOWN = "incident.timeline.rule.correctsUnknown";

    /** The entries as a page shows them, and for each corrected entry the entries that correct it. */
    public record Entries(List<Entry> entries, Map<UUID, List<Entry>> correctedBy) {

        public List<Entry> correctionsOf(Entry entry) {
            return correctedBy.getOrDefault(entry.id(), List.of());
        }
    }

    private final IncidentAccess access;
    private final TimelineStore store;
    private final TimelineMails mails;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Timeline(
            IncidentAccess access,
            TimelineStore store,
            TimelineMails mails,
            ApplicationEventPublisher events,
            Clock clock) {
        this.access = access;
        this.store = store;
        this.mails = mails;
        this.events = events;
        this.clock = clock;
    }

    /** Adds an entry, or a correction of {@code corrects} when set; returns the new entry's id. */
    @Transactional
    public UUID write(IncidentId id, Entry.Draft draft, UUID corrects, CurrentUser user) {
        IncidentAccess.Loaded loaded = contributor(access, id, user);
        Entry entry;
        if (corrects == null) {
            entry = Entry.write(loaded.incident(), loaded.access(), draft, Actor.of(user), clock.instant());
        } else {
            Entry original = store.find(id, corrects).orElseThrow(() -> Refusal.invalid(CORRECTS_UNKNOWN));
            entry = original.correctedBy(loaded.incident(), loaded.access(), draft, Actor.of(user), clock.instant());
        }
        store.append(entry);
        mails.sent(loaded.incident(), entry);
        events.publishEvent(entry.recorded(loaded.incident().reference()));
        return entry.id();
    }

    /** The entry a correction starts from, for the form; unknown ids are refused like a wrong form value. */
    @Transactional(readOnly = true)
    public Entry entry(IncidentId id, UUID entryId, CurrentUser user) {
        Access reader = access.loadWithGuests(id, user).access();
        return store.find(id, entryId)
                .filter(e -> reader.mayRead(e.tlp()))
                .orElseThrow(() -> Refusal.invalid(CORRECTS_UNKNOWN));
    }

    /** The incident's entries, of one kind when {@code kind} is set, with what corrects them. */
    @Transactional(readOnly = true)
    public Entries of(IncidentId id, EntryKind kind, CurrentUser user) {
        Access reader = access.loadWithGuests(id, user).access();
        Map<UUID, List<Entry>> correctedBy = store.corrections(id).stream()
                .filter(e -> reader.mayRead(e.tlp()))
                .collect(Collectors.groupingBy(Entry::corrects, LinkedHashMap::new, Collectors.toList()));
        return new Entries(
                store.of(id, kind).stream().filter(e -> reader.mayRead(e.tlp())).toList(), correctedBy);
    }

    /** The incident for someone who may add to it: 404 when they may not see it, 403 when they only read. */
    static IncidentAccess.Loaded contributor(IncidentAccess access, IncidentId id, CurrentUser user) {
        IncidentAccess.Loaded loaded = access.loadWithGuests(id, user);
        if (!loaded.access().mayContribute()) {
            throw new AccessDeniedException("viewers read the timeline");
        }
        return loaded;
    }
}
