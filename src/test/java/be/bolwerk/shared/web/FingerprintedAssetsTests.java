package be.bolwerk.shared.web;

import static be.bolwerk.TestUsers.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import be.bolwerk.TestUsers;
import be.bolwerk.shared.security.CurrentUser;
import be.bolwerk.shared.security.OrganisationRole;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Every script and style sheet a page loads has an address that names its content (ADR 0022), so a browser
 * keeps it for a year and still gets a changed file at once: {@code /js/charts-<md5>.js}, WebJars too. Checked on
 * the rendered pages that load their own scripts (Chart.js, charts, budget chart; passkeys.js only after a proof,
 * see {@code PageFragmentsTests#passkeyScriptLoadsOnlyOnThePagesThatOfferPasskeys}) and, for every template, on
 * the source: each {@code <script>} and style sheet asks {@code assets.url(..)}. The favicon keeps its fixed
 * address on purpose (ADR 0022), and so does the error page rendered without a request.
 */
@SpringBootTest
@AutoConfigureMockMvc
class FingerprintedAssetsTests {

    private static final Pattern TAG = Pattern.compile("<(script|link)\\b[^>]*>");
    private static final Pattern ADDRESS = Pattern.compile("\\b(?:src|href)=\"([^\"]+)\"");
    private static final Pattern FINGERPRINTED = Pattern.compile("-[0-9a-f]{32}\\.(?:js|css)$");
    private static final Pattern VERSIONED_WEBJAR = Pattern.compile("^/webjars/[^/]+/\\d+(?:\\.\\d+)+[^/]*/");

    private final MockMvc mvc;
    private final JdbcClient jdbc;

    FingerprintedAssetsTests(@Autowired MockMvc mvc, @Autowired JdbcClient jdbc) {
        this.mvc = mvc;
        this.jdbc = jdbc;
    }

    /** The addresses of the scripts and style sheets of a page; the favicon is left out (ADR 0022). */
    private static List<String> assets(String page) {
        List<String> found = new ArrayList<>();
        Matcher tag = TAG.matcher(page);
        while (tag.find()) {
            String element = tag.group();
            if (element.contains("rel=\"icon\"")) {
                continue;
            }
            Matcher address = ADDRESS.matcher(element);
            if (address.find()) {
                found.add(address.group(1));
            }
        }
        return found;
    }

    private String page(String path, CurrentUser user) throws Exception {
        return mvc.perform(get(path).with(signedIn(user)))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void everyScriptAndStyleSheetOfTheRenderedPagesIsFingerprinted() throws Exception {
        CurrentUser officer = TestUsers.programmeOfficer();
        UUID[] submitted = jdbc.sql("SELECT organisation_id, id FROM assessment WHERE status = 'SUBMITTED' LIMIT 1")
                .query((rs, n) -> new UUID[] {rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)})
                .single();
        CurrentUser admin = TestUsers.member(submitted[0], OrganisationRole.ORGANISATION_ADMIN);
        UUID line =
                jdbc.sql("SELECT id FROM budget_line LIMIT 1").query(UUID.class).single();

        List<String> pages = List.of(
                page("/", officer),
                page("/programme/assessments", officer),
                page("/budget/" + line, officer),
                page("/assessments/" + submitted[1] + "/results", admin));

        List<String> addresses =
                pages.stream().flatMap(p -> assets(p).stream()).distinct().toList();
        assertThat(addresses)
                .as("the pages load Chart.js and the chart scripts, each by its fingerprint")
                .anyMatch(a -> a.contains("chart.umd"))
                .anyMatch(a -> a.contains("/js/charts"))
                .anyMatch(a -> a.contains("/js/budget-chart"))
                .anyMatch(a -> a.contains("/css/bolwerk"))
                .allSatisfy(address -> assertThat(FINGERPRINTED.matcher(address).find()
                                || VERSIONED_WEBJAR.matcher(address).find())
                        .as("%s names its content or its version", address)
                        .isTrue());
    }

    @Test
    void everyTemplateAsksForItsScriptsAndStyleSheetsByFingerprint() throws IOException {
        Path templates = Path.of("src/main/resources/templates");
        List<String> unversioned = new ArrayList<>();
        try (Stream<Path> files = Files.walk(templates)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                String name = templates.relativize(file).toString();
                Matcher tag = TAG.matcher(Files.readString(file));
                while (tag.find()) {
                    String element = tag.group();
                    boolean loadsAFile = element.startsWith("<script") || element.contains("rel=\"stylesheet\"");
                    // The error page's own head is only used when it is rendered without a request (ADR 0022).
                    boolean standalone = name.equals("error/page.html") && element.contains("href=\"/css/");
                    if (loadsAFile && !standalone && !element.contains("assets.url(")) {
                        unversioned.add(name + ": " + element);
                    }
                }
            }
        }
        assertThat(unversioned)
                .as("scripts and style sheets linked without assets.url(..)")
                .isEmpty();
    }
}
