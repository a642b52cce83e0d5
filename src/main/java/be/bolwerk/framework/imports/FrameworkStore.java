package be.bolwerk.framework.imports;

import be.bolwerk.framework.Framework;
import be.bolwerk.framework.FrameworkNode;
import be.bolwerk.framework.FrameworkSource;
import be.bolwerk.framework.FrameworkStatus;
import be.bolwerk.framework.FrameworkSummary;
import be.bolwerk.framework.FrameworkVersionId;
import be.bolwerk.framework.NodeKind;
import be.bolwerk.framework.Thresholds;
import be.bolwerk.shared.Refusal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores checked frameworks and reads them back as trees. A version is written once, in one transaction, and
 * never updated: what an assessment answered stays what it was asked.
 *
 * <p>The one store of the framework tables (ADR 0002): a JdbcClient store because a version is a bulk write of
 * thousands of rows done once, which a repository would hold in memory as one aggregate and save row by row.
 */
@Component
public class FrameworkStore {

    private final JdbcClient jdbc;
    private final Clock clock;

    FrameworkStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    boolean exists(String code, String version) {
        return jdbc.sql("SELECT COUNT(*) FROM framework_version WHERE code = :code AND version = :version")
                        .param("code", code)
                        .param("version", version)
                        .query(Long.class)
                        .single()
                > 0;
    }

    @Transactional
    FrameworkVersionId save(FrameworkDraft draft, FrameworkSource source, FrameworkStatus status, UUID createdBy) {
        if (exists(draft.code(), draft.version())) {
            throw Refusal.conflict("framework.invalid.duplicate", draft.code() + " " + draft.version());
        }
        FrameworkVersionId id = FrameworkVersionId.of(UUID.randomUUID());
        jdbc.sql("""
                        INSERT INTO framework_version (id, code, version, title, language, description,
                            key_measure_minimum, area_minimum, total_minimum, source, mapped_from, control_count,
                            created_at, created_by, status)
                        VALUES (:id, :code, :version, :title, :language, :description, :keyMeasure, :area, :total,
                            :source, :mappedFrom, :controls, :now, :by, :status)
                        """)
                .param("id", id.value())
                .param("code", draft.code())
                .param("version", draft.version())
                .param("title", draft.title())
                .param("language", draft.language())
                .param("description", draft.description())
                .param("keyMeasure", draft.thresholds().keyMeasureMinimum())
                .param("area", draft.thresholds().areaMinimum())
                .param("total", draft.thresholds().totalMinimum())
                .param("source", source.name())
                .param("mappedFrom", draft.mappedFrom())
                .param("controls", draft.controlCount())
                .param("now", clock.instant().atOffset(ZoneOffset.UTC))
                .param("by", createdBy)
                .param("status", status.name())
                .update();
        int position = 0;
        for (Framework.Tag tag : draft.tags()) {
            jdbc.sql("""
                            INSERT INTO framework_tag (framework_version_id, code, label, position)
                            VALUES (:id, :code, :label, :position)
                            """)
                    .param("id", id.value())
                    .param("code", tag.code())
                    .param("label", tag.label())
                    .param("position", position++)
                    .update();
        }
        int[] counter = {0};
        for (FrameworkNode area : draft.areas()) {
            insert(id, area, null, 1, counter);
        }
        draft.mapping()
                .forEach((from, to) -> jdbc.sql("""
                        INSERT INTO framework_mapping (framework_version_id, from_ref, to_ref)
                        VALUES (:id, :from, :to)
                        """)
                        .param("id", id.value())
                        .param("from", from)
                        .param("to", to)
                        .update());
        return id;
    }

    private void insert(FrameworkVersionId id, FrameworkNode node, String parent, int depth, int[] counter) {
        jdbc.sql("""
                        INSERT INTO framework_node (framework_version_id, ref, parent_ref, position, depth, kind,
                            title, description, question, guidance, evidence, weight, key_measure, tags)
                        VALUES (:id, :ref, :parent, :position, :depth, :kind, :title, :description, :question,
                            :guidance, :evidence, :weight, :keyMeasure, :tags)
                        """)
                .param("id", id.value())
                .param("ref", node.ref())
                .param("parent", parent)
                .param("position", counter[0]++)
                .param("depth", depth)
                .param("kind", node.kind().name())
                .param("title", node.title())
                .param("description", node.description())
                .param("question", node.question())
                .param("guidance", node.guidance())
                .param("evidence", node.evidence().isEmpty() ? null : String.join("\n", node.evidence()))
                .param("weight", node.weight())
                .param("keyMeasure", node.keyMeasure())
                .param("tags", node.tags().isEmpty() ? null : String.join(" ", node.tags()))
                .update();
        for (FrameworkNode child : node.children()) {
            insert(id, child, node.ref(), depth + 1, counter);
        }
    }

    @Transactional(readOnly = true)
    public List<FrameworkSummary> summaries() {
        return jdbc.sql("""
                        SELECT id, code, version, title, language, source, control_count, created_at, status
                        FROM framework_version ORDER BY title, code, version DESC
                        """)
                .query((rs, row) -> new FrameworkSummary(
                        FrameworkVersionId.of(rs.getObject("id", UUID.class)),
                        rs.getString("code"),
                        rs.getString("version"),
                        rs.getString("title"),
                        rs.getString("language"),
                        FrameworkSource.valueOf(rs.getString("source")),
                        rs.getInt("control_count"),
                        rs.getObject("created_at", java.time.OffsetDateTime.class)
                                .toInstant(),
                        FrameworkStatus.valueOf(rs.getString("status"))))
                .list();
    }

    @Transactional(readOnly = true)
    public Optional<Framework> find(FrameworkVersionId id) {
        record Row(
                String ref,
                String parent,
                NodeKind kind,
                String title,
                String description,
                String question,
                String guidance,
                String evidence,
                java.math.BigDecimal weight,
                boolean keyMeasure,
                String tags) {}
        Optional<Framework> header = jdbc.sql("SELECT * FROM framework_version WHERE id = :id")
                .param("id", id.value())
                .query((rs, row) -> header(id, rs))
                .optional();
        if (header.isEmpty()) {
            return header;
        }
        List<Framework.Tag> tags = jdbc.sql(
                        "SELECT code, label FROM framework_tag WHERE framework_version_id = :id ORDER BY position")
                .param("id", id.value())
                .query((rs, row) -> new Framework.Tag(rs.getString("code"), rs.getString("label")))
                .list();
        Map<String, String> mapping = new LinkedHashMap<>();
        jdbc.sql("SELECT from_ref, to_ref FROM framework_mapping WHERE framework_version_id = :id ORDER BY from_ref")
                .param("id", id.value())
                .query(rs -> {
                    mapping.put(rs.getString("from_ref"), rs.getString("to_ref"));
                });
        List<Row> rows = jdbc.sql("SELECT * FROM framework_node WHERE framework_version_id = :id ORDER BY position")
                .param("id", id.value())
                .query((rs, n) -> new Row(
                        rs.getString("ref"),
                        rs.getString("parent_ref"),
                        NodeKind.valueOf(rs.getString("kind")),
                        rs.getString("title"),
                        rs.getString("description"),
                        rs.getString("question"),
                        rs.getString("guidance"),
                        rs.getString("evidence"),
                        rs.getBigDecimal("weight"),
                        rs.getBoolean("key_measure"),
                        rs.getString("tags")))
                .list();
        // Depth-first order means every parent comes before its children: build bottom-up from the end.
        Map<String, List<FrameworkNode>> children = new HashMap<>();
        List<FrameworkNode> areas = new ArrayList<>();
        for (int i = rows.size() - 1; i >= 0; i--) {
            Row r = rows.get(i);
            List<FrameworkNode> own = children.getOrDefault(r.ref(), List.of());
            FrameworkNode node = new FrameworkNode(
                    r.ref(),
                    r.kind(),
                    r.title(),
                    r.description(),
                    r.question(),
                    r.guidance(),
                    r.evidence() == null
                            ? List.of()
                            : Arrays.asList(r.evidence().split("\n")),
                    r.weight().stripTrailingZeros(),
                    r.keyMeasure(),
                    r.tags() == null ? List.of() : Arrays.asList(r.tags().split(" ")),
                    reversed(own));
            if (r.parent() == null) {
                areas.add(node);
            } else {
                children.computeIfAbsent(r.parent(), k -> new ArrayList<>()).add(node);
            }
        }
        Framework h = header.get();
        return Optional.of(new Framework(
                h.id(),
                h.code(),
                h.version(),
                h.title(),
                h.language(),
                h.description(),
                h.thresholds(),
                h.source(),
                h.mappedFrom(),
                mapping,
                tags,
                reversed(areas),
                h.createdAt()));
    }

    private static <T> List<T> reversed(List<T> list) {
        List<T> copy = new ArrayList<>(list);
        java.util.Collections.reverse(copy);
        return copy;
    }

    private static Framework header(FrameworkVersionId id, ResultSet rs) throws SQLException {
        return new Framework(
                id,
                rs.getString("code"),
                rs.getString("version"),
                rs.getString("title"),
                rs.getString("language"),
                rs.getString("description"),
                new Thresholds(
                        rs.getBigDecimal("key_measure_minimum"),
                        rs.getBigDecimal("area_minimum"),
                        rs.getBigDecimal("total_minimum")),
                FrameworkSource.valueOf(rs.getString("source")),
                rs.getString("mapped_from"),
                Map.of(),
                List.of(),
                List.of(),
                rs.getObject("created_at", java.time.OffsetDateTime.class).toInstant());
    }
}
