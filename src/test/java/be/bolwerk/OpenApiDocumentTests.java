package be.bolwerk;

import static be.bolwerk.TestUsers.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OpenAPI document of the JSON API as a client reads it: every operation names how a caller authenticates
 * (a personal API token or the session cookie) and the problem+json answers it can give, and the document passes
 * Redocly's recommended rules without a single error or warning. Redocly runs as the program {@code redocly}
 * (./bin/test installs the pinned version); like the browser tests, the test fails with the install command when
 * it is missing rather than passing unchecked.
 */
@SpringBootTest
@AutoConfigureMockMvc
class OpenApiDocumentTests {

    private static final Path DOCUMENT = Path.of("target", "openapi.json");

    private static final String MISSING =
            "The OpenAPI lint needs Redocly CLI (%s not found). ./bin/test installs it; or run "
                    + "'npm install --global @redocly/cli@2.77.0', or set BOLWERK_REDOCLY to its redocly program.";

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    private final MockMvc mvc;
    private final JsonMapper json = JsonMapper.builder().build();

    OpenApiDocumentTests(@Autowired MockMvc mvc) {
        this.mvc = mvc;
    }

    @Test
    void everyOperationNamesItsSecuritySchemesAndItsProblemAnswers() throws Exception {
        JsonNode document = json.readTree(document());

        JsonNode schemes = document.at("/components/securitySchemes");
        assertThat(schemes.at("/bearerToken/type").asString()).isEqualTo("http");
        assertThat(schemes.at("/bearerToken/scheme").asString()).isEqualTo("bearer");
        assertThat(schemes.at("/session/type").asString()).isEqualTo("apiKey");
        assertThat(schemes.at("/session/in").asString()).isEqualTo("cookie");
        assertThat(cookiesSetBySigningIn())
                .as("the documented session cookie is the one signing in sets")
                .contains(schemes.at("/session/name").asString());
        assertThat(document.at("/security").toString())
                .as("either scheme is enough for every operation")
                .isEqualTo("[{\"bearerToken\":[]},{\"session\":[]}]");
        assertThat(document.at("/info/license/name").asString()).isNotBlank();
        assertThat(document.at("/components/schemas/ProblemDetail/properties/status/type")
                        .asString())
                .isEqualTo("integer");

        List<String> operations = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : document.at("/paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                if (!METHODS.contains(operation.getKey())) {
                    continue;
                }
                String name = operation.getKey().toUpperCase() + " " + path.getKey();
                JsonNode responses = operation.getValue().path("responses");
                List<String> expected = expectedProblems(operation.getKey(), path.getKey(), operation.getValue());
                assertThat(responses.propertyNames().stream().filter(status -> status.startsWith("4")))
                        .as("%s claims exactly the problem answers it can give", name)
                        .containsExactlyInAnyOrderElementsOf(expected);
                for (String status : expected) {
                    assertThat(responses
                                    .at("/" + status + "/content/application~1problem+json/schema/$ref")
                                    .asString())
                            .as("%s documents its %s answer as problem+json", name, status)
                            .isEqualTo("#/components/schemas/ProblemDetail");
                }
                operations.add(name);
            }
        }
        assertThat(operations)
                .contains(
                        "GET /api/v1/organisations",
                        "GET /api/v1/organisations/{id}",
                        "PUT /api/v1/assessments/{id}/answers/{ref}",
                        "POST /api/v1/audit-trail/verification",
                        "POST /api/v1/findings",
                        "PUT /api/v1/findings/{id}",
                        "POST /api/v1/findings/{id}/actions/retest");
    }

    @Test
    void documentPassesRedoclysRecommendedRules() throws Exception {
        Files.createDirectories(DOCUMENT.getParent());
        Files.writeString(DOCUMENT, document(), StandardCharsets.UTF_8);
        Path redocly = Executables.locate("BOLWERK_REDOCLY", MISSING, "redocly");

        ProcessBuilder lint = new ProcessBuilder(
                        redocly.toString(),
                        "lint",
                        "--extends",
                        "recommended",
                        "--format",
                        "json",
                        DOCUMENT.getFileName().toString())
                // In target/, so that no configuration file of the work tree changes the rules.
                .directory(DOCUMENT.getParent().toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        lint.environment().put("REDOCLY_TELEMETRY", "off");
        lint.environment().put("REDOCLY_SUPPRESS_UPDATE_NOTICE", "true");
        lint.environment().put("NO_COLOR", "1");
        Process process = lint.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("redocly finished").isTrue();

        JsonNode report = json.readTree(output.substring(Math.max(0, output.indexOf('{'))));
        assertThat(report.at("/totals/errors").isNumber())
                .as("redocly's report:%n%s", output)
                .isTrue();
        assertThat(describe(report))
                .as("Redocly's recommended rules on %s", DOCUMENT)
                .isEmpty();
    }

    private String document() throws Exception {
        return mvc.perform(get("/v3/api-docs").with(signedIn(TestUsers.programmeOfficer())))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    /**
     * The problem answers an operation really gives: no or a bad credential (401) anywhere; a refused function
     * (403) for a role check and for every write (CSRF token missing, read-only API token); a malformed value
     * (400) where the caller sends one; an unknown or foreign id (404) where the path has one; a refused
     * command (409, 422) where a body carries one.
     */
    private static List<String> expectedProblems(String method, String path, JsonNode operation) {
        List<String> expected = new ArrayList<>(List.of("401"));
        boolean parameters = operation.path("parameters").size() > 0;
        boolean body = !operation.path("requestBody").isMissingNode();
        if (parameters || body) {
            expected.add("400");
        }
        // Role-checked reads (the audit trail, the programme's money, the findings register, the incidents) answer 403
        // to other roles.
        if (!method.equals("get")
                || path.startsWith("/api/v1/audit-trail")
                || path.startsWith("/api/v1/budget-lines")
                || path.startsWith("/api/v1/findings")
                || path.startsWith("/api/v1/incidents")) {
            expected.add("403");
        }
        if (path.contains("{")) {
            expected.add("404");
        }
        if (body) {
            expected.addAll(List.of("409", "422"));
        }
        // A write on a finding may name the revision it read (If-Match): stale is 412; a change without it is 428.
        if (!method.equals("get") && path.startsWith("/api/v1/findings/{id}")) {
            expected.add("412");
            if (method.equals("put")) {
                expected.add("428");
            }
        }
        return expected;
    }

    /** One line per problem Redocly reported, with its rule, message and place in the document. */
    private static List<String> describe(JsonNode report) {
        List<String> problems = new ArrayList<>();
        for (JsonNode problem : report.path("problems")) {
            problems.add("%s %s: %s at %s"
                    .formatted(
                            problem.path("severity").asString(),
                            problem.path("ruleId").asString(),
                            problem.path("message").asString(),
                            problem.at("/location/0/pointer").asString()));
        }
        return problems;
    }

    /** The names of the cookies the server really sets at the password step, not a copy of a constant. */
    private List<String> cookiesSetBySigningIn() throws Exception {
        return Stream.of(mvc.perform(formLogin("/login")
                                .userParameter("email")
                                .user("iso@appelkerke.invalid")
                                .password("bolwerk-demo-2026"))
                        .andReturn()
                        .getResponse()
                        .getCookies())
                .map(Cookie::getName)
                .toList();
    }
}
