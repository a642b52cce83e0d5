package be.bolwerk.assessment.scoring;

import be.bolwerk.assessment.evaluation.AssessmentStatus;
import be.bolwerk.framework.FrameworkSummary;
import be.bolwerk.framework.Frameworks;
import be.bolwerk.organisation.OrganisationDirectory;
import be.bolwerk.organisation.OrganisationListItem;
import be.bolwerk.organisation.OrganisationSearch;
import be.bolwerk.organisation.OrganisationType;
import be.bolwerk.shared.security.CurrentUser;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The programme office's view of one year: who started and who submitted which framework, and how the
 * submitted totals are distributed per organisation type. Built from the stored totals of submitted
 * assessments only; no answer is ever read here.
 */
@Component
public class ProgrammeOverview {

    /** Score bands of the distribution: 0–1, 1–2, 2–3, 3–4, 4–5 (the last one includes 5). */
    static final int BANDS = 5;

    public record Participation(FrameworkSummary framework, int started, int submitted, int targetReached) {}

    public record Row(
            OrganisationListItem organisation,
            FrameworkSummary framework,
            AssessmentStatus status,
            Instant submittedAt) {}

    /** Per organisation type, how many submitted totals fall in each band. */
    public record Distribution(FrameworkSummary framework, Map<OrganisationType, int[]> bands) {}

    /**
     * {@code organisations}: how many organisations the officer sees; {@code notStarted}: for the framework
     * asked for, the organisations without an assessment of it this year.
     */
    public record Overview(
            int year,
            int organisations,
            List<Participation> participation,
            List<Row> rows,
            Optional<Distribution> distribution,
            Optional<NotStarted> notStarted) {}

    public record NotStarted(FrameworkSummary framework, List<OrganisationListItem> organisations) {}

    private record Stored(
            UUID organisation,
            UUID framework,
            AssessmentStatus status,
            Instant submittedAt,
            BigDecimal total,
            Boolean reached) {}

    private final JdbcClient jdbc;
    private final Frameworks frameworks;
    private final OrganisationDirectory organisations;

    ProgrammeOverview(JdbcClient jdbc, Frameworks frameworks, OrganisationDirectory organisations) {
        this.jdbc = jdbc;
        this.frameworks = frameworks;
        this.organisations = organisations;
    }

    @Transactional(readOnly = true)
    public Overview of(int year, UUID chosenFramework, UUID missingFramework, CurrentUser officer) {
        List<Stored> stored = jdbc.sql("""
                        SELECT organisation_id, framework_version_id, status, submitted_at, total_score, target_reached
                        FROM assessment WHERE assessment_year = :year
                        """)
                .param("year", year)
                .query((rs, n) -> new Stored(
                        rs.getObject("organisation_id", UUID.class),
                        rs.getObject("framework_version_id", UUID.class),
                        AssessmentStatus.valueOf(rs.getString("status")),
                        Optional.ofNullable(rs.getObject("submitted_at", OffsetDateTime.class))
                                .map(OffsetDateTime::toInstant)
                                .orElse(null),
                        rs.getBigDecimal("total_score"),
                        (Boolean) rs.getObject("target_reached", Boolean.class)))
                .list();
        Map<UUID, FrameworkSummary> versions =
                frameworks.all().stream().collect(Collectors.toMap(f -> f.id().value(), Function.identity()));
        Map<UUID, OrganisationListItem> visible = organisations
                .matching(new OrganisationSearch("", null, "name", false, 0, OrganisationSearch.MAX_SIZE), officer)
                .stream()
                .collect(Collectors.toMap(o -> o.id().value(), Function.identity()));

        Map<UUID, int[]> counts = new LinkedHashMap<>();
        List<Row> rows = new ArrayList<>();
        for (Stored s : stored) {
            OrganisationListItem organisation = visible.get(s.organisation());
            FrameworkSummary framework = versions.get(s.framework());
            if (organisation == null || framework == null) {
                continue;
            }
            int[] c = counts.computeIfAbsent(s.framework(), k -> new int[3]);
            c[0]++;
            if (s.status() == AssessmentStatus.SUBMITTED) {
                c[1]++;
                if (Boolean.TRUE.equals(s.reached())) {
                    c[2]++;
                }
            }
            rows.add(new Row(organisation, framework, s.status(), s.submittedAt()));
        }
        rows.sort((a, b) ->
                a.organisation().name().compareToIgnoreCase(b.organisation().name()));
        List<Participation> participation = counts.entrySet().stream()
                .map(e ->
                        new Participation(versions.get(e.getKey()), e.getValue()[0], e.getValue()[1], e.getValue()[2]))
                .sorted((a, b) ->
                        a.framework().title().compareToIgnoreCase(b.framework().title()))
                .toList();

        UUID distributed = chosenFramework != null && counts.containsKey(chosenFramework)
                ? chosenFramework
                : participation.stream()
                        .filter(p -> p.submitted() > 0)
                        .map(p -> p.framework().id().value())
                        .findFirst()
                        .orElse(null);
        Optional<Distribution> distribution = Optional.empty();
        if (distributed != null) {
            Map<OrganisationType, int[]> bands = new LinkedHashMap<>();
            for (Stored s : stored) {
                OrganisationListItem organisation = visible.get(s.organisation());
                if (organisation != null
                        && s.framework().equals(distributed)
                        && s.status() == AssessmentStatus.SUBMITTED
                        && s.total() != null) {
                    bands.computeIfAbsent(organisation.type(), t -> new int[BANDS])[band(s.total())]++;
                }
            }
            distribution = Optional.of(new Distribution(versions.get(distributed), bands));
        }
        Optional<NotStarted> notStarted = Optional.ofNullable(missingFramework)
                .map(versions::get)
                .map(framework -> {
                    java.util.Set<UUID> started = stored.stream()
                            .filter(st -> st.framework().equals(framework.id().value()))
                            .map(Stored::organisation)
                            .collect(Collectors.toSet());
                    return new NotStarted(
                            framework,
                            visible.values().stream()
                                    .filter(o -> !started.contains(o.id().value()))
                                    .sorted((a, b) -> a.name().compareToIgnoreCase(b.name()))
                                    .toList());
                });
        return new Overview(year, visible.size(), participation, rows, distribution, notStarted);
    }

    public static int band(BigDecimal total) {
        return Math.min(BANDS - 1, Math.max(0, total.intValue()));
    }
}
