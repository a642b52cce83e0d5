package be.bolwerk.findings.intake;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * What a SARIF run's tool says about a result: its name and version, the rule a result names (by index into the
 * driver's rules, else by id in the driver and the extensions), the message built from the rule's message
 * strings, and the CWE and CVE the rule carries.
 */
final class SarifTool {

    private static final Pattern CVE = Pattern.compile("(?i)\\b(CVE-\\d{4}-\\d{4,})\\b");
    private static final Pattern CWE_TAG = Pattern.compile("(?i)(?:external/cwe/)?cwe-(\\d{1,6})");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{|}}|\\{(\\d+)}");

    final String name;
    final JsonNode driver;
    private final Map<String, JsonNode> byId = new HashMap<>();

    SarifTool(JsonNode run) {
        driver = run.path("tool").path("driver");
        String version =
                driver.path("semanticVersion").asString(driver.path("version").asString(null));
        String named = driver.path("name").asString("SARIF");
        name = version == null ? named : named + " " + version;
        List<JsonNode> components = new ArrayList<>();
        components.add(driver);
        run.path("tool").path("extensions").forEach(components::add);
        for (JsonNode component : components) {
            for (JsonNode rule : component.path("rules")) {
                byId.putIfAbsent(rule.path("id").asString(""), rule);
            }
        }
    }

    /** The rule a result names by index into the driver's rules, else by id; a missing node when none. */
    JsonNode rule(JsonNode result, String ruleId) {
        int index =
                result.path("ruleIndex").asInt(result.path("rule").path("index").asInt(-1));
        JsonNode byIndex = index >= 0 ? driver.path("rules").path(index) : null;
        boolean agrees = ruleId.isEmpty()
                || byIndex != null && byIndex.path("id").asString("").equals(ruleId);
        if (byIndex != null && !byIndex.isMissingNode() && agrees) {
            return byIndex;
        }
        return byId.getOrDefault(ruleId, JsonNodeFactory.instance.missingNode());
    }

    /**
     * The message of a result: its text; or the rule's (else the run's global) message string named by
     * {@code id}, with {@code {0}}… replaced by the arguments and {@code {{}}} by braces (SARIF 3.11.5).
     */
    String message(JsonNode message, JsonNode rule) {
        String text = firstText(message);
        if (text != null) {
            return text;
        }
        String id = message.path("id").asString(null);
        if (id == null) {
            return null;
        }
        JsonNode template = rule.path("messageStrings").path(id);
        if (template.isMissingNode()) {
            template = driver.path("globalMessageStrings").path(id);
        }
        String pattern = firstText(template);
        if (pattern == null) {
            return null;
        }
        List<String> arguments = new ArrayList<>();
        message.path("arguments").forEach(argument -> arguments.add(argument.asString("")));
        Matcher placeholder = PLACEHOLDER.matcher(pattern);
        StringBuilder filled = new StringBuilder();
        while (placeholder.find()) {
            String replacement;
            if (placeholder.group(1) == null) {
                replacement = placeholder.group().substring(1);
            } else {
                int index = Integer.parseInt(placeholder.group(1));
                replacement = index < arguments.size() ? arguments.get(index) : placeholder.group();
            }
            placeholder.appendReplacement(filled, Matcher.quoteReplacement(replacement));
        }
        placeholder.appendTail(filled);
        return filled.toString();
    }

    static String cve(String ruleId, JsonNode rule) {
        for (String text : new String[] {ruleId, firstText(rule.path("shortDescription"))}) {
            if (text != null) {
                Matcher cve = CVE.matcher(text);
                if (cve.find()) {
                    return cve.group(1).toUpperCase(Locale.ROOT);
                }
            }
        }
        return null;
    }

    /** CodeQL's {@code external/cwe/cwe-79} tags, Flawfinder's CWE relationships, or a CWE taxon of the result. */
    static Integer cwe(JsonNode rule, JsonNode result) {
        for (JsonNode tag : rule.path("properties").path("tags")) {
            Matcher cwe = CWE_TAG.matcher(tag.asString(""));
            if (cwe.matches()) {
                return Integer.valueOf(cwe.group(1));
            }
        }
        List<JsonNode> targets = new ArrayList<>();
        rule.path("relationships").forEach(relationship -> targets.add(relationship.path("target")));
        result.path("taxa").forEach(targets::add);
        for (JsonNode target : targets) {
            Matcher cwe = CWE_TAG.matcher(target.path("id").asString(""));
            boolean fromCwe = "CWE"
                    .equalsIgnoreCase(target.path("toolComponent").path("name").asString("CWE"));
            if (fromCwe && cwe.matches()) {
                return Integer.valueOf(cwe.group(1));
            }
        }
        return null;
    }

    /** The {@code text} of a SARIF message-like object, else its {@code markdown}; null when blank. */
    static String firstText(JsonNode node) {
        for (String field : new String[] {"text", "markdown"}) {
            String text = node.path(field).asString(null);
            if (text != null && !text.isBlank()) {
                return text;
            }
        }
        return null;
    }
}
