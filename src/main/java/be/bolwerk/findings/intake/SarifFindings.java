package be.bolwerk.findings.intake;

import be.bolwerk.findings.Severity;
import be.bolwerk.findings.cvss.CvssVector;
import be.bolwerk.shared.Refusal;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * SARIF 2.1.0 results as candidate findings (ADR 0027). Each run's results are read one by one with the line
 * where they start; the rest of the run (its tool and rules) as a tree. Only failed results (kind {@code fail},
 * the default) that are neither suppressed nor gone since the baseline are findings. Severity comes from {@code security-severity} (on the result or its rule) when there is
 * one, else from the level: the result's own, else its rule's {@code defaultConfiguration}, else SARIF's default
 * {@code warning}.
 */
final class SarifFindings {

    static final String VERSION = "2.1.0";

    private SarifFindings() {}

    static IntakeResult read(byte[] json, JsonMapper mapper, int maxRows) {
        List<Run> runs = new ArrayList<>();
        String version = null;
        try (JsonParser parser = mapper.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw Refusal.invalid("findings.intake.sarif.notSarif");
            }
            int results = 0;
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("version".equals(name)) {
                    version = value.isScalarValue() ? String.valueOf(parser.getString()) : "{…}";
                    parser.skipChildren();
                } else if ("runs".equals(name)) {
                    if (value != JsonToken.START_ARRAY) {
                        throw Refusal.invalid("findings.intake.sarif.shape", "runs");
                    }
                    while (parser.nextToken() == JsonToken.START_OBJECT) {
                        Run run = run(parser, maxRows - results, maxRows);
                        results += run.results.size();
                        runs.add(run);
                    }
                    if (parser.currentToken() != JsonToken.END_ARRAY) {
                        throw Refusal.invalid("findings.intake.sarif.shape", "runs");
                    }
                } else {
                    parser.skipChildren();
                }
            }
            if (parser.nextToken() != null) {
                throw Refusal.invalid("findings.intake.sarif.notJson");
            }
        } catch (JacksonException unreadable) {
            throw unreadable(unreadable);
        }
        if (!VERSION.equals(version)) {
            throw version == null
                    ? Refusal.invalid("findings.intake.sarif.notSarif")
                    : Refusal.invalid("findings.intake.sarif.version", RowCheck.shorten(version), VERSION);
        }
        List<Candidate> candidates = new ArrayList<>();
        List<RowError> errors = new ArrayList<>();
        for (Run run : runs) {
            SarifTool tool = new SarifTool(run.rest);
            for (Located result : run.results) {
                if (!finding(result.node)) {
                    continue;
                }
                RowCheck row = new RowCheck(result.line);
                Candidate candidate = candidate(result.node, tool, row);
                if (row.failed()) {
                    errors.addAll(row.errors());
                } else {
                    candidates.add(candidate);
                }
            }
        }
        return new IntakeResult(candidates, errors, null);
    }

    /**
     * A result is a finding when it failed (the default kind), is not suppressed (a suppression that is not
     * under review or rejected, SARIF 3.35) and has not gone since the baseline ({@code baselineState} absent).
     */
    private static boolean finding(JsonNode result) {
        if (!"fail".equals(result.path("kind").asString("fail"))) {
            return false;
        }
        if ("absent".equals(result.path("baselineState").asString(""))) {
            return false;
        }
        for (JsonNode suppression : result.path("suppressions")) {
            String status = suppression.path("status").asString("accepted");
            if ("accepted".equals(status)) {
                return false;
            }
        }
        return true;
    }

    private static Run run(JsonParser parser, int room, int maxRows) {
        ObjectNode rest = JsonNodeFactory.instance.objectNode();
        List<Located> results = new ArrayList<>();
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if ("results".equals(name) && value != JsonToken.START_ARRAY && value != JsonToken.VALUE_NULL) {
                throw Refusal.invalid("findings.intake.sarif.shape", "runs[].results");
            }
            if ("results".equals(name) && value == JsonToken.START_ARRAY) {
                while (parser.nextToken() == JsonToken.START_OBJECT) {
                    if (results.size() >= room) {
                        throw Refusal.invalid("findings.intake.tooManyRows", maxRows);
                    }
                    int line = parser.currentTokenLocation().getLineNr();
                    results.add(new Located(line, parser.readValueAsTree()));
                }
                if (parser.currentToken() != JsonToken.END_ARRAY) {
                    throw Refusal.invalid("findings.intake.sarif.shape", "runs[].results");
                }
            } else {
                rest.set(name, (JsonNode) parser.readValueAsTree());
            }
        }
        return new Run(rest, results);
    }

    private static Candidate candidate(JsonNode result, SarifTool tool, RowCheck row) {
        JsonNode rule = tool.rule(result, ruleId(result));
        String ruleId = ruleId(result).isEmpty() ? rule.path("id").asString("") : ruleId(result);
        String message = tool.message(result.path("message"), rule);
        String title = row.text("message", SarifTool.firstText(rule.path("shortDescription")), RowCheck.SHORT);
        if (title == null) {
            title = row.text(
                    "message",
                    firstLine(message != null ? message : rule.path("name").asString(ruleId)),
                    RowCheck.SHORT);
        }
        if (title == null) {
            row.error("message", "findings.intake.row.titleMissing");
        }
        Severity severity = severity(result, rule, row);
        String uri = result.path("locations")
                .path(0)
                .path("physicalLocation")
                .path("artifactLocation")
                .path("uri")
                .asString(null);
        String logical = result.path("locations")
                .path(0)
                .path("logicalLocations")
                .path(0)
                .path("fullyQualifiedName")
                .asString(null);
        String system = row.text("locations", uri != null ? uri : logical, RowCheck.SYSTEM);
        int startLine = result.path("locations")
                .path(0)
                .path("physicalLocation")
                .path("region")
                .path("startLine")
                .asInt(0);
        String location = system == null ? null : startLine > 0 ? system + ":" + startLine : system;
        String vulnerability = SarifTool.cve(ruleId, rule);
        String description = join(message, SarifTool.firstText(rule.path("fullDescription")));
        List<String> references = new ArrayList<>();
        String helpUri = rule.path("helpUri").asString(null);
        if (helpUri != null && !helpUri.isBlank()) {
            references.add(helpUri.strip());
        }
        CvssVector cvss = cvss(result, rule, row);
        Candidate candidate = new Candidate(
                row.line,
                tool.name,
                title,
                row.text("message", description, RowCheck.LONG),
                null,
                severity,
                row.text("help", SarifTool.firstText(rule.path("help")), RowCheck.LONG),
                system,
                row.text("locations", location, RowCheck.SYSTEM),
                null,
                vulnerability,
                SarifTool.cwe(rule, result),
                cvss,
                references,
                null,
                null,
                null,
                null,
                repeatKey(result, tool, ruleId, vulnerability, system, location));
        return row.failed() ? null : candidate;
    }

    /**
     * {@code security-severity} (a CVSS-like score as a string, as GitHub defines it) when present, on the result
     * or its rule; otherwise the level: error is high, warning medium, note low, none informational.
     */
    private static Severity severity(JsonNode result, JsonNode rule, RowCheck row) {
        JsonNode score = result.path("properties").path("security-severity");
        if (score.isMissingNode()) {
            score = rule.path("properties").path("security-severity");
        }
        if (!score.isMissingNode() && !score.isNull()) {
            BigDecimal value = null;
            try {
                value = new BigDecimal(score.asString().strip());
            } catch (RuntimeException notANumber) {
                // refused below
            }
            if (value == null || value.signum() < 0 || value.compareTo(BigDecimal.TEN) > 0) {
                row.error(
                        "security-severity",
                        "findings.intake.row.securitySeverity",
                        RowCheck.shorten(score.asString()));
                return null;
            }
            return CvssVector.severityOf(value);
        }
        String level = result.path("level").asString(null);
        if (level == null) {
            level = rule.path("defaultConfiguration").path("level").asString("warning");
        }
        return switch (level) {
            case "error" -> Severity.HIGH;
            case "warning" -> Severity.MEDIUM;
            case "note" -> Severity.LOW;
            case "none" -> Severity.INFORMATIONAL;
            default -> {
                row.error("level", "findings.intake.row.level", RowCheck.shorten(level));
                yield null;
            }
        };
    }

    /** A CVSS vector some tools put in the properties of the result or rule; checked like any other. */
    private static CvssVector cvss(JsonNode result, JsonNode rule, RowCheck row) {
        for (JsonNode properties : List.of(result.path("properties"), rule.path("properties"))) {
            for (String name : List.of("cvssV4_vector", "cvssV3_vector", "cvssv3_baseVector", "cvss")) {
                String vector = properties.path(name).asString(null);
                if (vector != null && vector.startsWith("CVSS:")) {
                    return row.cvss(name, vector, !vector.startsWith("CVSS:4"));
                }
            }
        }
        return null;
    }

    /**
     * The fingerprint when the tool gives one ({@code fingerprints} are stable by definition; the
     * {@code partialFingerprints} only with the rule and file, as GitHub combines them); else the CVE on the
     * affected system (Grype); else rule and location.
     */
    private static RepeatKey repeatKey(
            JsonNode result, SarifTool tool, String ruleId, String vulnerability, String system, String location) {
        String fingerprints = entries(result.path("fingerprints"));
        if (fingerprints != null) {
            return RepeatKey.fingerprint(tool.name, ruleId, fingerprints);
        }
        String partial = entries(result.path("partialFingerprints"));
        if (partial != null) {
            return RepeatKey.fingerprint(tool.name, ruleId, (system == null ? "" : system + " | ") + partial);
        }
        if (vulnerability != null && system != null) {
            return RepeatKey.vulnerabilityOn(vulnerability, system);
        }
        if (location != null) {
            return RepeatKey.ruleAt(tool.name, ruleId, location);
        }
        return null;
    }

    /** "name=value" pairs in name order, or null when there are none. */
    private static String entries(JsonNode object) {
        if (!object.isObject() || object.isEmpty()) {
            return null;
        }
        Map<String, String> sorted = new TreeMap<>();
        object.properties()
                .forEach(entry -> sorted.put(entry.getKey(), entry.getValue().asString("")));
        StringBuilder key = new StringBuilder();
        sorted.forEach((name, value) ->
                key.append(key.isEmpty() ? "" : ",").append(name).append('=').append(value));
        return key.toString();
    }

    private static String ruleId(JsonNode result) {
        String id = result.path("ruleId").asString(null);
        return id != null ? id : result.path("rule").path("id").asString("");
    }

    private static String firstLine(String text) {
        if (text == null) {
            return null;
        }
        String line = text.strip().lines().findFirst().orElse("");
        return line.length() > RowCheck.SHORT ? line.substring(0, RowCheck.SHORT - 1) + "…" : line;
    }

    private static String join(String first, String second) {
        if (first == null) {
            return second;
        }
        return second == null || second.equals(first) ? first : first + "\n\n" + second;
    }

    private static Refusal unreadable(JacksonException problem) {
        for (Throwable cause = problem; cause != null; cause = cause.getCause()) {
            if (cause instanceof StreamConstraintsException) {
                return Refusal.invalid("findings.intake.sarif.limits");
            }
        }
        var location = problem.getLocation();
        return location == null || location.getLineNr() <= 0
                ? Refusal.invalid("findings.intake.sarif.notJson")
                : Refusal.invalid(
                        "findings.intake.sarif.notJsonAt",
                        location.getLineNr() + ":" + Math.max(1, location.getColumnNr()));
    }

    private record Located(int line, JsonNode node) {}

    private record Run(ObjectNode rest, List<Located> results) {}
}
