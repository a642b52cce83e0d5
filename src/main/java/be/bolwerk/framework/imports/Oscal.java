package be.bolwerk.framework.imports;

import be.bolwerk.shared.Refusal;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
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
 * Reads an OSCAL 1.x catalog into the framework shape: groups become groups, controls and their enhancements
 * become controls, the statement and guidance parts become the guidance text. The file is streamed: only one
 * group is held as a tree at a time, and the back matter (often the largest part) is skipped unread.
 */
@Component
class Oscal {

    private static final Pattern INSERT = Pattern.compile("\\{\\{\\s*insert:\\s*param,\\s*([^}\\s]+)\\s*}}");
    private static final int GUIDANCE_MAX = 8000;

    private final JsonMapper mapper;

    Oscal(JsonMapper mapper) {
        this.mapper = mapper;
    }

    FrameworkDraft read(InputStream in) {
        try (JsonParser parser = mapper.createParser(in)) {
            return FrameworkRules.check(catalog(parser));
        } catch (JacksonException unreadable) {
            throw ParserProblems.explain(unreadable, "oscal");
        }
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
                        groups.add(group(parser.readValueAsTree()));
                    }
                }
                case "controls" -> {
                    expect(value, JsonToken.START_ARRAY, "catalog.controls");
                    while (parser.nextToken() == JsonToken.START_OBJECT) {
                        looseControls.add(control(parser.readValueAsTree()));
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

    private FrameworkFile.Node group(JsonNode group) {
        List<FrameworkFile.Node> children = new ArrayList<>();
        for (JsonNode nested : group.path("groups")) {
            children.add(group(nested));
        }
        for (JsonNode control : group.path("controls")) {
            children.add(control(control));
        }
        return new FrameworkFile.Node(
                text(group, "id"), "group", text(group, "title"), null, null, null, null, null, null, null, children);
    }

    private FrameworkFile.Node control(JsonNode control) {
        Map<String, String> params = params(control);
        String label = label(control);
        String title = text(control, "title");
        StringBuilder guidance = new StringBuilder();
        for (JsonNode part : control.path("parts")) {
            String name = text(part, "name");
            if ("statement".equals(name) || "guidance".equals(name)) {
                if (!guidance.isEmpty()) {
                    guidance.append("\n\n");
                }
                appendPart(part, params, guidance, 0);
            }
        }
        String text = guidance.toString().strip();
        if (text.length() > GUIDANCE_MAX) {
            text = text.substring(0, GUIDANCE_MAX - 1).strip() + "…";
        }
        List<FrameworkFile.Node> enhancements = new ArrayList<>();
        for (JsonNode enhancement : control.path("controls")) {
            enhancements.add(control(enhancement));
        }
        return new FrameworkFile.Node(
                text(control, "id"),
                "control",
                label == null || title == null ? title : label + " " + title,
                null,
                null,
                text.isEmpty() ? null : text,
                null,
                null,
                null,
                null,
                enhancements);
    }

    /** Prose of a part and its items, one line each, items prefixed with their label ("a.", "1."). */
    private void appendPart(JsonNode part, Map<String, String> params, StringBuilder out, int level) {
        String prose = text(part, "prose");
        String label = label(part);
        if (prose != null || label != null) {
            if (!out.isEmpty() && out.charAt(out.length() - 1) != '\n') {
                out.append('\n');
            }
            out.append("  ".repeat(Math.max(0, level - 1)));
            if (label != null && level > 0) {
                out.append(label).append(' ');
            }
            if (prose != null) {
                out.append(insertParams(prose, params));
            }
        }
        for (JsonNode item : part.path("parts")) {
            appendPart(item, params, out, level + 1);
        }
    }

    private static String insertParams(String prose, Map<String, String> params) {
        Matcher matcher = INSERT.matcher(prose);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String shown = params.getOrDefault(matcher.group(1), matcher.group(1));
            matcher.appendReplacement(out, Matcher.quoteReplacement("[" + shown + "]"));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /** What a parameter placeholder shows: its label, or the choices of a selection. */
    private static Map<String, String> params(JsonNode control) {
        Map<String, String> params = new HashMap<>();
        for (JsonNode param : control.path("params")) {
            String id = text(param, "id");
            if (id == null) {
                continue;
            }
            String label = text(param, "label");
            if (label == null && param.has("select")) {
                List<String> choices = new ArrayList<>();
                for (JsonNode choice : param.path("select").path("choice")) {
                    choices.add(choice.asString());
                }
                label = "selection: " + String.join("; ", choices);
            }
            params.put(id, label == null ? id : label);
        }
        return params;
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

    /** A framework code from the catalog title: lower case, words joined by hyphens, at most 40 characters. */
    static String code(String title) {
        if (title == null) {
            return null;
        }
        String code =
                title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        if (code.length() > 40) {
            code = code.substring(0, 40).replaceAll("-$", "");
        }
        return code.length() < 2 ? "oscal-catalog" : code;
    }

    private static void expect(JsonToken actual, JsonToken expected, String where) {
        if (actual != expected) {
            throw Refusal.invalid("framework.invalid.oscal", where);
        }
    }
}
