package be.bolwerk.incident.dashboard;

import be.bolwerk.organisation.OrganisationDirectory;
import be.bolwerk.organisation.OrganisationListItem;
import be.bolwerk.organisation.OrganisationSearch;
import be.bolwerk.shared.security.CurrentUser;
import be.bolwerk.shared.security.Persona;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Puts the dashboard's panels together for one person. CRT analysts see everything; programme officers see the
 * aggregates only (rates, months, containment), never a reference, an organisation or a deadline of one incident
 * (ADR 0044); everybody else is refused.
 */
@Service
class Dashboard {

    private final DashboardQueries queries;
    private final OrganisationDirectory organisations;
    private final Clock clock;

    Dashboard(DashboardQueries queries, OrganisationDirectory organisations, Clock clock) {
        this.queries = queries;
        this.organisations = organisations;
        this.clock = clock;
    }

    static boolean mayView(CurrentUser user) {
        return user.hasAny(Persona.CRT_ANALYST, Persona.PROGRAMME_OFFICER);
    }

    @Transactional(readOnly = true)
    public DashboardFigures figures(Period period, CurrentUser user) {
        if (!mayView(user)) {
            throw new AccessDeniedException("the incident dashboard is for the CRT and the programme office");
        }
        Instant now = clock.instant();
        Instant since = period.since(now);
        boolean detail = user.has(Persona.CRT_ANALYST);
        List<DashboardFigures.Waiting> waiting = List.of();
        List<DashboardFigures.Breach> breaches = List.of();
        List<DashboardFigures.Deadline> deadlines = List.of();
        if (detail) {
            Map<UUID, String> names = names(user);
            waiting = queries.waiting(now, id -> names.getOrDefault(id, ""));
            breaches = queries.breaches(since, now, DashboardQueries.LIST_LIMIT, id -> names.getOrDefault(id, ""));
            deadlines = queries.deadlines(now, id -> names.getOrDefault(id, ""));
        }
        return new DashboardFigures(
                period,
                since,
                now,
                detail,
                waiting,
                breaches,
                queries.rates(since, now),
                deadlines,
                queries.months(now),
                queries.containment(since, now));
    }

    /** Every late first response of the period, for the CRT's export (the page shows the latest only). */
    @Transactional(readOnly = true)
    public List<DashboardFigures.Breach> allBreaches(Period period, CurrentUser user) {
        if (!user.has(Persona.CRT_ANALYST)) {
            throw new AccessDeniedException("the breaches name incidents and organisations: the CRT's only");
        }
        Instant now = clock.instant();
        Map<UUID, String> names = names(user);
        return queries.breaches(
                period.since(now), now, DashboardQueries.EXPORT_LIMIT, id -> names.getOrDefault(id, ""));
    }

    /** The names of every organisation, in one query (a few hundred short rows), for the list panels. */
    private Map<UUID, String> names(CurrentUser user) {
        Map<UUID, String> names = new HashMap<>();
        for (OrganisationListItem o : organisations.matching(OrganisationSearch.firstPage(), user)) {
            names.put(o.id().value(), o.name());
        }
        return names;
    }
}
