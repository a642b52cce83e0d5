package be.bolwerk.incident.timeline;

import be.bolwerk.incident.IncidentId;
import be.bolwerk.incident.Tlp;
import be.bolwerk.incident.event.work.IncidentIndicatorAdded;
import be.bolwerk.incident.handling.Access;
import be.bolwerk.incident.handling.Actor;
import be.bolwerk.incident.handling.IncidentAccess;
import be.bolwerk.shared.BelgianTime;
import be.bolwerk.shared.Refusal;
import be.bolwerk.shared.security.CurrentUser;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The indicators of compromise of an incident, and their CSV export for a firewall supplier. TLP:RED indicators
 * stay out of the export (RED is for the people present only): the file says how many were left out.
 */
@Service
public class Indicators {

    private static final DateTimeFormatter MOMENT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(BelgianTime.ZONE);

    /** The export: its file name and its text; {@code leftOut} is the number of TLP:RED indicators not in it. */
    public record Export(String fileName, String csv, int leftOut) {}

    private final IncidentAccess access;
    private final IndicatorStore store;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Indicators(IncidentAccess access, IndicatorStore store, ApplicationEventPublisher events, Clock clock) {
        this.access = access;
        this.store = store;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public UUID add(IncidentId id, IndicatorType type, String value, Tlp tlp, String note, CurrentUser user) {
        IncidentAccess.Loaded loaded = Timeline.contributor(access, id, user);
        Indicator indicator = Indicator.add(loaded.incident(), type, value, tlp, note, Actor.of(user), clock.instant());
        if (!store.insert(indicator)) {
            throw Refusal.conflict(Indicator.ALREADY_THERE);
        }
        events.publishEvent(new IncidentIndicatorAdded(
                id,
                indicator.organisationId(),
                loaded.incident().reference(),
                indicator.id(),
                type.name(),
                indicator.tlp()));
        return indicator.id();
    }

    @Transactional(readOnly = true)
    public List<Indicator> of(IncidentId id, CurrentUser user) {
        Access reader = access.loadWithGuests(id, user).access();
        return store.of(id).stream().filter(i -> reader.mayRead(i.tlp())).toList();
    }

    @Transactional(readOnly = true)
    public Export export(IncidentId id, CurrentUser user) {
        String reference = access.loadWithGuests(id, user).incident().reference();
        List<Indicator> all = store.of(id);
        List<Indicator> shared = all.stream().filter(i -> i.tlp() != Tlp.RED).toList();
        return new Export(
                reference.toLowerCase(java.util.Locale.ROOT) + "-indicatoren.csv",
                csv(shared, all.size() - shared.size()),
                all.size() - shared.size());
    }

    /**
     * One indicator a line: type, value, TLP label, note, when it was added (Brussels time). A first line starting
     * with {@code #} says how many TLP:RED indicators were left out, when there were any (firewall import tools skip
     * such lines). A note starting like a spreadsheet formula gets a quote first, so it cannot run when opened.
     */
    static String csv(List<Indicator> indicators, int leftOut) {
        StringBuilder out = new StringBuilder();
        if (leftOut > 0) {
            out.append("# ").append(leftOut).append(" indicator(en) met TLP:RED weggelaten / left out (TLP:RED)\r\n");
        }
        out.append("type,value,tlp,note,added\r\n");
        for (Indicator indicator : indicators) {
            out.append(indicator.type().name())
                    .append(',')
                    .append(cell(indicator.value(), indicator.type() == IndicatorType.OTHER))
                    .append(',')
                    .append(indicator.tlp().label())
                    .append(',')
                    .append(cell(indicator.note() == null ? "" : indicator.note(), true))
                    .append(',')
                    .append(MOMENT.format(indicator.addedAt()))
                    .append("\r\n");
        }
        return out.toString();
    }

    private static String cell(String value, boolean guard) {
        String text = guard && !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
