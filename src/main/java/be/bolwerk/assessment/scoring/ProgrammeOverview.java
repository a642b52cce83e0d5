package be.bolwerk.assessment.scoring;

import be.bolwerk.assessment.evaluation.AssessmentStatus;
import be.bolwerk.framework.FrameworkSummary;
import be.bolwerk.framework.Frameworks;
import be.bolwerk.organisation.OrganisationDirectory;
import be.bolwerk.organisation.OrganisationListItem;
import be.bolwerk.organisation.OrganisationSearch;
import be.bolwerk.organisation.OrganisationType;
import be.bolwerk.shared.Paged;
import be.bolwerk.shared.security.CurrentUser;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The programme office's view of one year: who started and who submitted which framework, and how the
 * submitted totals are distributed per organisation type. Built from the stored totals of submitted
 * assessments only; no answer is ever read here. The database counts; only the organisations the officer
 * sees (the organisation module decides which) take part.
 */
@Component
public class ProgrammeOverview {

    /** Score bands of the distribution: 0–1, 1–2, 2–3, 3–4, 4–5 (the last one includes 5). */
    static final int BANDS = 5;

    /** {@link #band} in SQL. */
    private static final String BAND = "LEAST(" + (BANDS - 1) + ", GREATEST(0, FLOOR(total_score)))";

    public record Participation(FrameworkSummary framework, int started, int submitted, int targetReached) {}

    public record Row(
            OrganisationListItem organisation,
            FrameworkSummary framework,
            AssessmentStatus status,
            Instant submittedAt) {}

    /** Per organisation type, how many submitted totals fall in each band. */
    public record Distribution(FrameworkSummary framework, Map<OrganisationType, int[]> bands) {}

    /**
     * {@code organisations}: how many organisations the officer sees; {@code rows}: one page of the
     * organisations' assessments whose name matches the query; {@code notStarted}: for the framework asked for,
     * the organisations without an assessment of it this year.
     */
    public record Overview(
            int year,
            int organisations,
            List<Participation> participation,
            Paged<Row> rows,
            Optional<Distribution> distribution,
            Optional<NotStarted> notStarted) {}

    public record NotStarted(FrameworkSummary framework, List<OrganisationListItem> organisations) {}

    /** What the officer asks for: a year, optionally a framework to distribute and one to find non-starters of. */
    public record Question(int year, UUID chosenFramework, UUID missingFramework, String query, int page, int size) {}

    private final JdbcClient jdbc;
    private final Frameworks frameworks;
    private final OrganisationDirectory organisations;

    ProgrammeOverview(JdbcClient jdbc, Frameworks frameworks, OrganisationDirectory organisations) {
        this.jdbc = jdbc;
        this.frameworks = frameworks;
        this.organisations = organisations;
    }

    @Transactional(readOnly = true)
    public Overview of(Question question, CurrentUser officer) {
        Map<UUID, FrameworkSummary> versions =
                frameworks.all().stream().collect(Collectors.toMap(f -> f.id().value(), Function.identity()));
        Map<UUID, OrganisationListItem> visible = organisations
                .matching(new OrganisationSearch("", null, "name", false, 0, OrganisationSearch.MAX_SIZE), officer)
                .stream()
                .collect(Collectors.toMap(o -> o.id().value(), Function.identity(), (a, b) -> a, LinkedHashMap::new));
        if (visible.isEmpty()) {
            return new Overview(
                    question.year(), 0, List.of(), Paged.empty(question.size()), Optional.empty(), Optional.empty());
        }
        // Whole-field officers need no IN list: every assessment belongs to an organisation they see.
        Optional<Set<UUID>> within =
                organisations.seesEveryOrganisation(officer) ? Optional.empty() : Optional.of(visible.keySet());
        List<Participation> participation = participation(question.year(), within, versions);
        UUID distributed = question.chosenFramework() != null
                        && participation.stream()
                                .anyMatch(p -> p.framework().id().value().equals(question.chosenFramework()))
                ? question.chosenFramework()
                : participation.stream()
                        .filter(p -> p.submitted() > 0)
                        .map(p -> p.framework().id().value())
                        .findFirst()
                        .orElse(null);
        Optional<Distribution> distribution = Optional.ofNullable(distributed)
                .map(framework ->
                        new Distribution(versions.get(framework), bands(question.year(), framework, visible)));
        Optional<NotStarted> notStarted = Optional.ofNullable(question.missingFramework())
                .map(versions::get)
                .map(framework -> notStarted(question.year(), framework, visible));
        return new Overview(
                question.year(),
                visible.size(),
                participation,
                rows(question, visible, versions),
                distribution,
                notStarted);
    }

    /** Started, submitted and at-target counts per framework version, counted by the database. */
    private List<Participation> participation(
            int year, Optional<Set<UUID>> within, Map<UUID, FrameworkSummary> versions) {
        StatementSpec counts = jdbc.sql("""
                        SELECT framework_version_id, COUNT(*) AS started,
                            SUM(CASE WHEN status = 'SUBMITTED' THEN 1 ELSE 0 END) AS submitted,
                            SUM(CASE WHEN status = 'SUBMITTED' AND target_reached THEN 1 ELSE 0 END) AS reached
                        FROM assessment WHERE assessment_year = :year"""
                        + within.map(ids -> " AND organisation_id IN (:visible)")
                                .orElse("")
                        + " GROUP BY framework_version_id")
                .param("year", year);
        within.ifPresent(ids -> counts.param("visible", ids));
        return counts
                .query((rs, n) -> new Participation(
                        versions.get(rs.getObject("framework_version_id", UUID.class)),
                        rs.getInt("started"),
                        rs.getInt("submitted"),
                        rs.getInt("reached")))
                .list()
                .stream()
                .filter(p -> p.framework() != null)
                .sorted(Comparator.comparing(p -> p.framework().title(), String.CASE_INSENSITIVE_ORDER))
                .toList();
    }

    /**
     * Per organisation type, the submitted totals per band: the database bands each submitted total of the year,
     * the visible organisations (at most one submitted assessment per framework each) say their type.
     */
    private Map<OrganisationType, int[]> bands(int year, UUID framework, Map<UUID, OrganisationListItem> visible) {
        Map<OrganisationType, int[]> bands = new LinkedHashMap<>();
        visible.values().forEach(o -> bands.computeIfAbsent(o.type(), t -> new int[BANDS]));
        jdbc.sql("SELECT organisation_id, CAST(" + BAND + " AS INTEGER) AS band FROM assessment"
                        + " WHERE assessment_year = :year AND framework_version_id = :framework"
                        + " AND status = 'SUBMITTED' AND total_score IS NOT NULL")
                .param("year", year)
                .param("framework", framework)
                .query(rs -> {
                    OrganisationListItem organisation = visible.get(rs.getObject("organisation_id", UUID.class));
                    if (organisation != null) {
                        bands.get(organisation.type())[rs.getInt("band")]++;
                    }
                });
        bands.values().removeIf(counts -> Arrays.stream(counts).sum() == 0);
        return bands;
    }

    /** The assessments of the organisations whose name matches, by name, one page of them. */
    private Paged<Row> rows(
            Question question, Map<UUID, OrganisationListItem> visible, Map<UUID, FrameworkSummary> versions) {
        String query = question.query().strip().toLowerCase(Locale.ROOT);
        Map<UUID, OrganisationListItem> matching = new HashMap<>();
        visible.forEach((id, o) -> {
            if (query.isEmpty() || o.name().toLowerCase(Locale.ROOT).contains(query)) {
                matching.put(id, o);
            }
        });
        if (matching.isEmpty()) {
            return Paged.empty(question.size());
        }
        // The year's assessments (a few hundred), kept when their organisation matches: a hash lookup here is
        // cheaper than a long IN list the database checks row by row.
        List<Row> rows = new ArrayList<>(jdbc.sql("""
                        SELECT organisation_id, framework_version_id, status, submitted_at FROM assessment
                        WHERE assessment_year = :year
                        """)
                .param("year", question.year())
                .query((rs, n) -> new Row(
                        matching.get(rs.getObject("organisation_id", UUID.class)),
                        versions.get(rs.getObject("framework_version_id", UUID.class)),
                        AssessmentStatus.valueOf(rs.getString("status")),
                        Optional.ofNullable(rs.getObject("submitted_at", OffsetDateTime.class))
                                .map(OffsetDateTime::toInstant)
                                .orElse(null)))
                .list());
        rows.removeIf(row -> row.organisation() == null || row.framework() == null);
        rows.sort(Comparator.comparing(r -> r.organisation().name(), String.CASE_INSENSITIVE_ORDER));
        int pages = Math.max(1, (rows.size() + question.size() - 1) / question.size());
        int page = Math.min(Math.max(0, question.page()), pages - 1);
        return new Paged<>(
                rows.subList(page * question.size(), Math.min(rows.size(), (page + 1) * question.size())),
                page,
                question.size(),
                rows.size());
    }

    private NotStarted notStarted(int year, FrameworkSummary framework, Map<UUID, OrganisationListItem> visible) {
        Set<UUID> started = Set.copyOf(jdbc.sql("""
                        SELECT DISTINCT organisation_id FROM assessment
                        WHERE assessment_year = :year AND framework_version_id = :framework
                        """)
                .param("year", year)
                .param("framework", framework.id().value())
                .query(UUID.class)
                .list());
        return new NotStarted(
                framework,
                visible.values().stream()
                        .filter(o -> !started.contains(o.id().value()))
                        .sorted(Comparator.comparing(OrganisationListItem::name, String.CASE_INSENSITIVE_ORDER))
                        .toList());
    }

    /** The band of a total; {@link #BAND} is the same rule in SQL. */
    public static int band(BigDecimal total) {
        return Math.min(BANDS - 1, Math.max(0, total.intValue()));
    }
}
