package be.bolwerk.framework.imports;

import be.bolwerk.framework.Framework;
import be.bolwerk.framework.FrameworkNode;
import be.bolwerk.framework.NodeKind;
import be.bolwerk.framework.Thresholds;
import be.bolwerk.shared.Refusal;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns a {@link FrameworkFile} into a {@link FrameworkDraft} or refuses it with the first rule it breaks
 * (docs/frameworks.md). Whatever the source — our own files, an upload, an OSCAL catalog — a framework
 * passes here before it is stored, so the rest of Bolwerk can trust every stored tree.
 */
final class FrameworkRules {

    static final int MAX_NODES = 5000;
    static final int MAX_DEPTH = 12;

    private static final Pattern CODE = Pattern.compile("[a-z0-9-]{2,40}");
    private static final Pattern REF = Pattern.compile("[A-Za-z0-9._()-]{1,40}");
    private static final BigDecimal FIVE = BigDecimal.valueOf(5);
    private static final BigDecimal MAX_WEIGHT = BigDecimal.valueOf(1000);

    private final Set<String> refs = new HashSet<>();
    private final Set<String> vocabulary = new HashSet<>();
    private int nodes;

    private FrameworkRules() {}

    static FrameworkDraft check(FrameworkFile file) {
        return new FrameworkRules().draft(file);
    }

    /** Whether {@code code} may name a framework: lower-case letters, digits and hyphens, 2 to 40. */
    static boolean validCode(String code) {
        return code != null && CODE.matcher(code).matches();
    }

    /**
     * The draft under the code the importer chose instead of the one in the file: a new version of that
     * framework, or a framework of its own.
     */
    static FrameworkDraft recode(FrameworkDraft draft, String code) {
        if (!validCode(code)) {
            throw Refusal.invalid("framework.invalid.chosenCode", code);
        }
        return new FrameworkDraft(
                code,
                draft.version(),
                draft.title(),
                draft.language(),
                draft.description(),
                draft.thresholds(),
                draft.mappedFrom(),
                draft.mapping(),
                draft.tags(),
                draft.areas());
    }

    private FrameworkDraft draft(FrameworkFile file) {
        if (!FrameworkFile.FORMAT.equals(file.format())) {
            throw Refusal.invalid("framework.invalid.format", file.format());
        }
        String code = required("code", file.code(), 40);
        if (!CODE.matcher(code).matches()) {
            throw Refusal.invalid("framework.invalid.field", "code");
        }
        String version = required("version", file.version(), 20);
        String title = required("title", file.title(), 300);
        String language = required("language", file.language(), 5);
        if (!language.equals("nl") && !language.equals("en")) {
            throw Refusal.invalid("framework.invalid.field", "language");
        }
        String description = optional("description", file.description(), 4000);
        List<Framework.Tag> tags = tags(file.tags());
        if (file.nodes() == null || file.nodes().isEmpty()) {
            throw Refusal.invalid("framework.invalid.field", "nodes");
        }
        List<FrameworkNode> areas = new ArrayList<>();
        for (FrameworkFile.Node node : file.nodes()) {
            FrameworkNode area = node(node, 1, false);
            if (area.isControl()) {
                throw Refusal.invalid("framework.invalid.topLevel", area.ref());
            }
            areas.add(area);
        }
        String mappedFrom = null;
        Map<String, String> mapping = Map.of();
        if (file.mapping() != null) {
            mappedFrom = required("mapping.from", file.mapping().from(), 20);
            mapping = mapping(file.mapping().refs());
        }
        return new FrameworkDraft(
                code,
                version,
                title,
                language,
                description,
                thresholds(file.thresholds()),
                mappedFrom,
                mapping,
                tags,
                areas);
    }

    private List<Framework.Tag> tags(List<FrameworkFile.Tag> tags) {
        List<Framework.Tag> checked = new ArrayList<>();
        for (FrameworkFile.Tag tag : tags == null ? List.<FrameworkFile.Tag>of() : tags) {
            String code = required("tags.code", tag == null ? null : tag.code(), 40);
            if (!CODE.matcher(code).matches() || !vocabulary.add(code)) {
                throw Refusal.invalid("framework.invalid.tag", code);
            }
            checked.add(new Framework.Tag(code, required("tags.label", tag.label(), 200)));
        }
        return checked;
    }

    private FrameworkNode node(FrameworkFile.Node node, int depth, boolean insideControl) {
        if (node == null) {
            throw Refusal.invalid("framework.invalid.field", "nodes");
        }
        if (++nodes > MAX_NODES || depth > MAX_DEPTH) {
            throw Refusal.invalid("framework.invalid.tooLarge", String.valueOf(MAX_NODES));
        }
        String ref = required("ref", node.ref(), 40);
        if (!REF.matcher(ref).matches() || !refs.add(ref)) {
            throw Refusal.invalid("framework.invalid.ref", ref);
        }
        NodeKind kind;
        if ("group".equals(node.kind())) {
            kind = NodeKind.GROUP;
        } else if ("control".equals(node.kind())) {
            kind = NodeKind.CONTROL;
        } else {
            throw Refusal.invalid("framework.invalid.field", ref + " kind");
        }
        if (insideControl && kind == NodeKind.GROUP) {
            throw Refusal.invalid("framework.invalid.groupInControl", ref);
        }
        BigDecimal weight = node.weight() == null ? BigDecimal.ONE : node.weight();
        if (weight.signum() <= 0 || weight.compareTo(MAX_WEIGHT) > 0) {
            throw Refusal.invalid("framework.invalid.field", ref + " weight");
        }
        List<String> tags = node.tags() == null ? List.of() : node.tags();
        for (String tag : tags) {
            if (!vocabulary.contains(tag)) {
                throw Refusal.invalid("framework.invalid.tag", tag);
            }
        }
        List<String> evidence = new ArrayList<>();
        for (String item : node.evidence() == null ? List.<String>of() : node.evidence()) {
            String flat = optional(ref + " evidence", item == null ? null : item.replaceAll("\\s+", " "), 500);
            if (flat != null) {
                evidence.add(flat);
            }
        }
        List<FrameworkNode> children = new ArrayList<>();
        for (FrameworkFile.Node child : node.nodes() == null ? List.<FrameworkFile.Node>of() : node.nodes()) {
            children.add(node(child, depth + 1, kind == NodeKind.CONTROL));
        }
        FrameworkNode checked = new FrameworkNode(
                ref,
                kind,
                required(ref + " title", node.title(), 300),
                optional(ref + " description", node.description(), 4000),
                optional(ref + " question", node.question(), 1000),
                optional(ref + " guidance", node.guidance(), 8000),
                evidence,
                weight,
                kind == NodeKind.CONTROL && Boolean.TRUE.equals(node.keyMeasure()),
                tags,
                children);
        if (kind == NodeKind.GROUP && checked.controls().isEmpty()) {
            throw Refusal.invalid("framework.invalid.emptyGroup", ref);
        }
        return checked;
    }

    private Map<String, String> mapping(Map<String, String> refsOfPrevious) {
        Map<String, String> mapping = new LinkedHashMap<>();
        if (refsOfPrevious == null) {
            return mapping;
        }
        for (Map.Entry<String, String> entry : refsOfPrevious.entrySet()) {
            if (!REF.matcher(entry.getKey()).matches()) {
                throw Refusal.invalid("framework.invalid.ref", entry.getKey());
            }
            if (entry.getValue() == null || !refs.contains(entry.getValue())) {
                throw Refusal.invalid("framework.invalid.mapping", String.valueOf(entry.getValue()));
            }
            mapping.put(entry.getKey(), entry.getValue());
        }
        return mapping;
    }

    private static Thresholds thresholds(FrameworkFile.Limits limits) {
        if (limits == null) {
            return Thresholds.CYFUN;
        }
        return new Thresholds(
                score("thresholds.keyMeasureMinimum", limits.keyMeasureMinimum(), Thresholds.CYFUN.keyMeasureMinimum()),
                score("thresholds.areaMinimum", limits.areaMinimum(), Thresholds.CYFUN.areaMinimum()),
                score("thresholds.totalMinimum", limits.totalMinimum(), Thresholds.CYFUN.totalMinimum()));
    }

    private static BigDecimal score(String field, BigDecimal value, BigDecimal fallback) {
        if (value == null) {
            return fallback;
        }
        if (value.signum() < 0 || value.compareTo(FIVE) > 0) {
            throw Refusal.invalid("framework.invalid.field", field);
        }
        return value;
    }

    private static String required(String field, String value, int max) {
        String checked = optional(field, value, max);
        if (checked == null) {
            throw Refusal.invalid("framework.invalid.field", field);
        }
        return checked;
    }

    private static String optional(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String stripped = value.strip();
        if (stripped.length() > max) {
            throw Refusal.invalid("framework.invalid.tooLong", field);
        }
        return stripped;
    }
}
