package be.bolwerk.framework;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Stream;

/**
 * One node of a framework tree. Groups carry a description; controls a question, guidance, examples of
 * evidence, a weight, the key-measure flag and tags. A control may have child controls (OSCAL enhancements).
 */
public record FrameworkNode(
        String ref,
        NodeKind kind,
        String title,
        String description,
        String question,
        String guidance,
        List<String> evidence,
        BigDecimal weight,
        boolean keyMeasure,
        List<String> tags,
        List<FrameworkNode> children) {

    public FrameworkNode {
        evidence = List.copyOf(evidence);
        tags = List.copyOf(tags);
        children = List.copyOf(children);
    }

    @JsonIgnore
    public boolean isControl() {
        return kind == NodeKind.CONTROL;
    }

    /**
     * The ref made safe for HTML ids and CSS selectors: refs may hold dots and parentheses ("ac-2.1"), which a
     * selector would read as a class or worse. Reversible, so two refs never share an id.
     */
    @JsonIgnore
    public String domId() {
        return ref.replace("_", "__").replace(".", "_d").replace("(", "_o").replace(")", "_c");
    }

    /** This node and everything below it, depth first. */
    public Stream<FrameworkNode> walk() {
        return Stream.concat(Stream.of(this), children.stream().flatMap(FrameworkNode::walk));
    }

    /** The controls at or below this node, depth first. */
    public List<FrameworkNode> controls() {
        return walk().filter(FrameworkNode::isControl).toList();
    }

    /** The guidance split into paragraphs at blank lines, for display. */
    public List<String> guidanceParagraphs() {
        return guidance == null || guidance.isBlank()
                ? List.of()
                : Stream.of(guidance.split("\\n\\s*\\n"))
                        .map(String::strip)
                        .filter(p -> !p.isEmpty())
                        .toList();
    }
}
