package be.bolwerk.findings.report;

import be.bolwerk.findings.FindingStatus;
import be.bolwerk.findings.Severity;
import be.bolwerk.findings.event.group.FindingsExported;
import be.bolwerk.findings.register.FindingList;
import be.bolwerk.findings.register.FindingNotFound;
import be.bolwerk.organisation.OrganisationDirectory;
import be.bolwerk.organisation.OrganisationProfile;
import be.bolwerk.shared.BelgianTime;
import be.bolwerk.shared.security.CurrentUser;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The reports of one organisation's register for one of its members (any role): the figures, the XLSX export with
 * the register's filters and the improvement plan. An organisation the person is not a member of is not found,
 * the programme office included. Each file handed out is recorded in the audit trail ({@link FindingsExported}).
 */
@Service
class Reports {

    /** At most this many findings in one export. */
    static final int EXPORT_LIMIT = 10_000;

    /** One open finding of the improvement plan: no description, only what the council needs to follow it. */
    record PlanLine(
            String title,
            Severity severity,
            FindingStatus status,
            String owner,
            LocalDate dueDate,
            LocalDate plannedOn,
            boolean overdue) {}

    record Plan(OrganisationProfile organisation, RegisterFigures.Figures figures, List<PlanLine> open) {}

    private final OrganisationDirectory organisations;
    private final RegisterFigures figures;
    private final FindingList list;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Reports(
            OrganisationDirectory organisations,
            RegisterFigures figures,
            FindingList list,
            JdbcClient jdbc,
            ApplicationEventPublisher events,
            Clock clock) {
        this.organisations = organisations;
        this.figures = figures;
        this.list = list;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    /** The person's organisations, by name: the ones whose reports they may see. */
    List<OrganisationProfile> organisations(CurrentUser user) {
        return organisations.memberOf(user);
    }

    /** The organisation asked for (the first of theirs when none is asked for), if they are a member of it. */
    OrganisationProfile organisation(UUID requested, CurrentUser user) {
        return organisations(user).stream()
                .filter(o -> requested == null || o.id().value().equals(requested))
                .findFirst()
                .orElseThrow(FindingNotFound::new);
    }

    LocalDate today() {
        return BelgianTime.today(clock);
    }

    @Transactional(readOnly = true)
    RegisterFigures.Figures figures(OrganisationProfile organisation) {
        return figures.of(organisation.id().value(), today());
    }

    /** The register's findings of the organisation with the search's filters and order, recorded as exported. */
    @Transactional
    List<FindingList.Row> export(FindingList.Search search, OrganisationProfile organisation) {
        List<FindingList.Row> rows = list.matching(search, organisation.id().value(), EXPORT_LIMIT);
        events.publishEvent(new FindingsExported(organisation.id().value(), "xlsx " + filters(search), rows.size()));
        return rows;
    }

    /** The improvement plan: the figures and the open findings by due date, recorded as exported. */
    @Transactional
    Plan plan(OrganisationProfile organisation) {
        UUID org = organisation.id().value();
        LocalDate today = today();
        List<PlanLine> open = jdbc.sql("""
                        SELECT f.title, f.severity, f.status, f.owner_name, f.due_date, f.planned_on FROM finding f
                        WHERE f.organisation_id = :org AND f.status IN ('NEW', 'CONFIRMED', 'IN_PROGRESS', 'REOPENED')
                        ORDER BY f.due_date NULLS LAST, f.created_at, f.id
                        LIMIT :limit
                        """)
                .param("org", org)
                .param("limit", EXPORT_LIMIT)
                .query((rs, n) -> {
                    LocalDate due = rs.getObject("due_date", LocalDate.class);
                    return new PlanLine(
                            rs.getString("title"),
                            Severity.valueOf(rs.getString("severity")),
                            FindingStatus.valueOf(rs.getString("status")),
                            rs.getString("owner_name"),
                            due,
                            rs.getObject("planned_on", LocalDate.class),
                            due != null && due.isBefore(today));
                })
                .list();
        events.publishEvent(new FindingsExported(org, "pdf", open.size()));
        return new Plan(organisation, figures.of(org, today), open);
    }

    private static String filters(FindingList.Search s) {
        return "q=" + s.query() + " status=" + (s.status() == null ? "" : s.status()) + " severity="
                + (s.severity() == null ? "" : s.severity()) + " source=" + (s.source() == null ? "" : s.source())
                + " owner=" + (s.owner() == null ? "" : s.owner()) + " due=" + (s.due() == null ? "" : s.due());
    }
}
