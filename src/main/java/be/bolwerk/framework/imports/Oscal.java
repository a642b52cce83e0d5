package be.bolwerk.framework.imports;

import be.bolwerk.shared.Refusal;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads an OSCAL 1.x catalog (a resolved profile, such as NIST's baselines, is a catalog too) into the framework
 * shape: groups become groups, controls in force and their enhancements become controls, the statement becomes
 * the control's requirement and the guidance its guidance. The file is streamed: only one
 * group is held as a tree at a time, and the back matter (often the largest part) is skipped unread.
 */
@Component
class Oscal {

    private static final Pattern INSERT = Pattern.compile("\\{\\{\\s*insert:\\s*param,\\s*([^}\\s]+)\\s*}}");
    private static final Pattern LINK = Pattern.compile("\\[([^\\]]+)]\\(#[^)\\s]*\\)");
    private static final int GUIDANCE_MAX = 8000;
    private static final int STATEMENT_MAX = 4000;
    private static final int MAX_PARAM_DEPTH = 4;

    private final JsonMapper mapper;

    Oscal(JsonMapper mapper) {
        this.mapper = mapper;
    }

    FrameworkDraft read(InputStream in) {
        return read(in, null);
    }

    /** The catalog as a draft, under {@code chosenCode} when the importer chose one, else a code from its title. */
    FrameworkDraft read(InputStream in, String chosenCode) {
        FrameworkDraft draft;
        try (JsonParser parser = mapper.createParser(in)) {
            draft = FrameworkRules.check(catalog(parser));
        } catch (JacksonException unreadable) {
            throw ParserProblems.explain(unreadable, "oscal");
        }
        return chosenCode == null ? draft : FrameworkRules.recode(draft, chosenCode);
    }

    private FrameworkFile catalog(JsonParser parser) {
        expect(parser.nextToken(), JsonToken.START_OBJECT, "catalog");
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = parser.currentName();
            parser.nextToken();
            if ("catalog".equals(name)) {
                FrameworkFile file = catalogObject(parser);
                // Anything after the catalog must still be well-formed JSON: a truncated file is refused.
                while (parser.nextToken() != null) {
                    parser.skipChildren();
                }
                return file;
            }
            parser.skipChildren();
        }
        throw Refusal.invalid("framework.invalid.oscal", "catalog");
    }

    private FrameworkFile catalogObject(JsonParser parser) {
        expect(parser.currentToken(), JsonToken.START_OBJECT, "catalog");
        JsonNode metadata = null;
        List<FrameworkFile.Node> groups = new ArrayList<>();
        List<FrameworkFile.Node> looseControls = new ArrayList<>();
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (name) {
                case "metadata" -> metadata = parser.readValueAsTree();
                case "groups" -> {
                    expect(value, JsonToken.START_ARRAY, "catalog.groups");
                    while (parser.nextToken() == JsonToken.START_OBJECT) {
                        FrameworkFile.Node group = group(parser.readValueAsTree());
                        if (group != null) {
                            groups.add(group);
                        }
                    }
                }
                case "controls" -> {
                    expect(value, JsonToken.START_ARRAY, "catalog.controls");
                    while (parser.nextToken() == JsonToken.START_OBJECT) {
                        FrameworkFile.Node control = control(parser.readValueAsTree(), Map.of());
                        if (control != null) {
                            looseControls.add(control);
                        }
                    }
                }
                default -> parser.skipChildren();
            }
        }
        if (metadata == null) {
            throw Refusal.invalid("framework.invalid.oscal", "catalog.metadata");
        }
        if (!looseControls.isEmpty()) {
            groups.add(new FrameworkFile.Node(
                    "catalog", "group", "Catalog", null, null, null, null, null, null, null, looseControls));
        }
        if (groups.isEmpty()) {
            throw Refusal.invalid("framework.invalid.oscal", "catalog.groups");
        }
        String title = text(metadata, "title");
        String version = text(metadata, "version");
        return new FrameworkFile(
                FrameworkFile.FORMAT,
                code(title),
                version == null ? null : version.length() > 20 ? version.substring(0, 20) : version,
                title == null ? null : title.length() > 300 ? title.substring(0, 300) : title,
                "en",
                null,
                null,
                null,
                groups,
                null);
    }

    /** A group with the controls in it that are still in force; null when nothing is left to ask. */
    private FrameworkFile.Node group(JsonNode group) {
        List<FrameworkFile.Node> children = new ArrayList<>();
        for (JsonNode nested : group.path("groups")) {
            FrameworkFile.Node child = group(nested);
            if (child != null) {
                children.add(child);
            }
        }
        for (JsonNode control : group.path("controls")) {
            FrameworkFile.Node child = control(control, Map.of());
            if (child != null) {
                children.add(child);
            }
        }
        if (children.isEmpty()) {
            return null;
        }
        return new FrameworkFile.Node(
                text(group, "id"), "group", text(group, "title"), null, null, null, null, null, null, null, children);
    }

    /**
     * A control in force with its enhancements, or null for a withdrawn one: NIST keeps withdrawn controls in its
     * catalogs (property {@code status} = {@code withdrawn}, with a link to where they went) so references stay
     * valid, but they have no statement and nobody can be asked to meet them.
     *
     * <p>The statement becomes the control's description, kept as one line per item with its own label ("a.",
     * "1.", "(a)") and indented two spaces per level, which {@link be.bolwerk.framework.FrameworkNode#requirement()}
     * turns back into nested items; the guidance stays the guidance. The label is not put in front of the title:
     * pages show the ref beside it, and "ac-2 AC-2 Account Management" says it twice.
     */
    private FrameworkFile.Node control(JsonNode control, Map<String, JsonNode> inherited) {
        if (withdrawn(control)) {
            return null;
        }
        Map<String, JsonNode> params = new HashMap<>(inherited);
        for (JsonNode param : control.path("params")) {
            String id = text(param, "id");
            if (id != null) {
                params.put(id, param);
            }
        }
        StringBuilder statement = new StringBuilder();
        StringBuilder guidance = new StringBuilder();
        for (JsonNode part : control.path("parts")) {
            String name = text(part, "name");
            if ("statement".equals(name)) {
                appendItem(part, params, statement, 0);
            } else if ("guidance".equals(name)) {
                String prose = text(part, "prose");
                if (prose != null) {
                    guidance.append(guidance.isEmpty() ? "" : "\n\n")
                            .append(plainLinks(insertParams(prose, params, 0)));
                }
            }
        }
        List<FrameworkFile.Node> enhancements = new ArrayList<>();
        for (JsonNode enhancement : control.path("controls")) {
            FrameworkFile.Node child = control(enhancement, params);
            if (child != null) {
                enhancements.add(child);
            }
        }
        return new FrameworkFile.Node(
                text(control, "id"),
                "control",
                text(control, "title"),
                shorten(statement.toString().stripTrailing(), STATEMENT_MAX),
                null,
                shorten(guidance.toString().strip(), GUIDANCE_MAX),
                null,
                null,
                null,
                null,
                enhancements);
    }

    private static boolean withdrawn(JsonNode control) {
        for (JsonNode prop : control.path("props")) {
            if ("status".equals(text(prop, "name")) && "withdrawn".equalsIgnoreCase(text(prop, "value"))) {
                return true;
            }
        }
        return false;
    }

    /**
     * One line per part with prose: the statement's sentence and its items ("a.") at the left edge, two more
     * spaces for each level below ("1.", "(a)"), then the item's label. The first line's indentation is never
     * needed, as the rules strip it.
     */
    private void appendItem(JsonNode part, Map<String, JsonNode> params, StringBuilder out, int level) {
        String prose = text(part, "prose");
        String label = label(part);
        if (prose != null || (label != null && level > 0)) {
            if (!out.isEmpty()) {
                out.append('\n');
            }
            // The statement's own sentence and its first items share the left edge; a label tells an item apart.
            out.append("  ".repeat(Math.max(0, level - 1)));
            if (label != null && level > 0) {
                out.append(label.strip()).append(' ');
            }
            if (prose != null) {
                // One line per item: a line break inside the prose would read as the next item.
                out.append(plainLinks(insertParams(prose, params, 0))
                        .replaceAll("\\s+", " ")
                        .strip());
            }
        }
        for (JsonNode item : part.path("parts")) {
            if ("item".equals(text(item, "name")) || text(item, "name") == null) {
                appendItem(item, params, out, level + 1);
            }
        }
    }

    /**
     * Every parameter placeholder replaced the way NIST prints its catalogs: "[Assignment: organization-defined
     * frequency]", "[Selection (one or more): a; b]", or the value a profile set. A choice of a selection can
     * itself insert a parameter (24 times in the rev 5 low baseline), so choices are rendered the same way; the
     * depth is bounded, as a catalog that refers in a circle must not loop.
     */
    private static String insertParams(String prose, Map<String, JsonNode> params, int depth) {
        Matcher matcher = INSERT.matcher(prose);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String shown = depth > MAX_PARAM_DEPTH ? "[…]" : param(matcher.group(1), params, depth);
            matcher.appendReplacement(out, Matcher.quoteReplacement(shown));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static String param(String id, Map<String, JsonNode> params, int depth) {
        JsonNode param = params.get(id);
        if (param == null) {
            return "[Assignment: " + id + "]";
        }
        List<String> values = new ArrayList<>();
        for (JsonNode value : param.path("values")) {
            values.add(value.asString());
        }
        if (!values.isEmpty()) {
            return String.join(", ", values);
        }
        JsonNode select = param.get("select");
        if (select != null) {
            List<String> choices = new ArrayList<>();
            for (JsonNode choice : select.path("choice")) {
                choices.add(insertParams(choice.asString(), params, depth + 1).strip());
            }
            boolean many = "one-or-more".equals(text(select, "how-many"));
            return "[Selection" + (many ? " (one or more)" : "") + ": " + String.join("; ", choices) + "]";
        }
        String label = text(param, "label");
        return "[Assignment: " + (label == null ? id : label) + "]";
    }

    /** Markdown links within the catalog ("[AU-2](#au-2)") point into the file: only their text means anything here. */
    private static String plainLinks(String prose) {
        return LINK.matcher(prose).replaceAll("$1");
    }

    private static String shorten(String text, int max) {
        if (text.isEmpty()) {
            return null;
        }
        return text.length() <= max ? text : text.substring(0, max - 1).stripTrailing() + "…";
    }

    private static String label(JsonNode node) {
        for (JsonNode prop : node.path("props")) {
            if ("label".equals(text(prop, "name")) && !prop.has("class")) {
                return text(prop, "value");
            }
        }
        return null;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || !value.isString() ? null : value.asString();
    }

    /**
     * A framework code from the catalog title: lower case, words joined by hyphens. Titles are what tells one
     * catalog from another ("… Revision 4 LOW IMPACT BASELINE" and "… Revision 5.1.1 LOW IMPACT BASELINE"), and
     * NIST's share their first 40 characters; a title too long for a code keeps its start and ends in a short
     * hash of the whole title, so two different catalogs never share a code and silently become versions of one
     * another. The importer can still choose a code on the form to make a file a new version of a framework.
     */
    static String code(String title) {
        if (title == null) {
            return null;
        }
        String code =
                title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        if (code.length() > 40) {
            code = code.substring(0, 31).replaceAll("-$", "") + "-" + hash(code);
        }
        return code.length() < 2 ? "oscal-catalog" : code;
    }

    private static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static void expect(JsonToken actual, JsonToken expected, String where) {
        if (actual != expected) {
            throw Refusal.invalid("framework.invalid.oscal", where);
        }
    }
}
