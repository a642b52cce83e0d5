package be.bolwerk.framework;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

    /**
     * The control's requirement — its description, which for an OSCAL control is the statement — as the items it
     * is made of, nested as written: "a." with its "1." and "2." below it. Each line of the description is one
     * item, indented two spaces per level below the top; an item's label ("a.", "1.", "(a)") is split off so the
     * page can set it apart. A line without a label is a plain sentence (a statement's "The organization:").
     */
    @JsonIgnore
    public List<RequirementItem> requirement() {
        if (description == null || description.isBlank()) {
            return List.of();
        }
        List<RequirementItem> top = new ArrayList<>();
        Deque<List<RequirementItem>> open = new ArrayDeque<>();
        Deque<Integer> levels = new ArrayDeque<>();
        for (String line : description.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            int indent = 0;
            while (indent < line.length() && line.charAt(indent) == ' ') {
                indent++;
            }
            int level = indent / 2;
            String text = line.strip();
            String label = null;
            Matcher labelled = ITEM_LABEL.matcher(text);
            if (labelled.matches()) {
                label = labelled.group(1);
                text = labelled.group(2);
            }
            while (!levels.isEmpty() && levels.peek() >= level) {
                levels.pop();
                open.pop();
            }
            RequirementItem item = new RequirementItem(label, text, new ArrayList<>());
            (open.isEmpty() ? top : open.peek()).add(item);
            levels.push(level);
            open.push(item.items());
        }
        return top;
    }

    private static final Pattern ITEM_LABEL = Pattern.compile("(\\(?[A-Za-z0-9]{1,5}[.)])\\s+(.+)");

    /** One item of a requirement: its label ("a.", "(1)") or null, its text and the items below it. */
    public record RequirementItem(String label, String text, List<RequirementItem> items) {}

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
