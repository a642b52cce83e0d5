package be.bolwerk.framework.imports;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The {@code bolwerk-framework/1} file as JSON sees it (docs/frameworks.md), before {@link FrameworkRules} has
 * checked it. Everything may be missing or wrong here; nothing else in the module sees this shape.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
record FrameworkFile(
        String format,
        String code,
        String version,
        String title,
        String language,
        String description,
        Limits thresholds,
        List<Tag> tags,
        List<Node> nodes,
        Mapping mapping) {

    static final String FORMAT = "bolwerk-framework/1";

    record Limits(BigDecimal keyMeasureMinimum, BigDecimal areaMinimum, BigDecimal totalMinimum) {}

    record Tag(String code, String label) {}

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record Node(
            String ref,
            String kind,
            String title,
            String description,
            String question,
            String guidance,
            List<String> evidence,
            BigDecimal weight,
            Boolean keyMeasure,
            List<String> tags,
            List<Node> nodes) {}

    record Mapping(String from, Map<String, String> refs) {}
}
