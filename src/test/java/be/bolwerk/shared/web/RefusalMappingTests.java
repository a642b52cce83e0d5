package be.bolwerk.shared.web;

import static be.bolwerk.TestUsers.signedIn;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import be.bolwerk.TestUsers;
import be.bolwerk.shared.Refusal;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The one mapping of a {@link Refusal}, through the whole application (security, locale resolver, bundles,
 * error page): an API caller gets problem+json with the status of the refusal's kind, the title of that status
 * and the rule's sentence with its arguments filled in; a page gets the error page with the same sentence. The
 * language is Dutch unless the person chose English ({@code ?lang=en}, remembered in the BOLWERK_LANG cookie).
 * Two probe controllers throw the refusals, so the test does not depend on which module refuses what.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(RefusalMappingTests.Probes.class)
class RefusalMappingTests {

    private static final String RULE = "framework.invalid.duplicate";

    @TestConfiguration(proxyBeanMethods = false)
    @Import({ApiProbe.class, PageProbe.class})
    static class Probes {}

    @RestController
    static class ApiProbe {

        @GetMapping("/api/v1/refusal-probe/conflict")
        String conflict() {
            throw Refusal.conflict(RULE, "cyfun 2025");
        }

        @GetMapping("/api/v1/refusal-probe/invalid")
        String invalid() {
            throw Refusal.invalid("framework.invalid.field", "nodes[2].title");
        }

        @GetMapping("/api/v1/refusal-probe/count")
        String count(@RequestParam int count) {
            return "counted " + count;
        }
    }

    @Controller
    static class PageProbe {

        @GetMapping("/refusal-probe/conflict")
        String conflict() {
            throw Refusal.conflict(RULE, "cyfun 2025");
        }

        @GetMapping("/refusal-probe/invalid")
        String invalid() {
            throw Refusal.invalid("framework.invalid.field", "nodes[2].title");
        }
    }

    private final MockMvc mvc;

    RefusalMappingTests(@Autowired MockMvc mvc) {
        this.mvc = mvc;
    }

    @Test
    void anApiConflictIsA409ProblemInDutchWithTheArgumentFilledIn() throws Exception {
        mvc.perform(get("/api/v1/refusal-probe/conflict").with(signedIn(TestUsers.programmeOfficer())))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(409))
                .andExpect(jsonPath("$.title").value("Conflict"))
                .andExpect(jsonPath("$.detail")
                        .value("Dit raamwerk bestaat al in deze versie (cyfun 2025). Een versie verandert nooit:"
                                + " geef het bestand een nieuw versienummer."));
    }

    @Test
    void anApiInvalidInputIsA422ProblemInDutch() throws Exception {
        mvc.perform(get("/api/v1/refusal-probe/invalid").with(signedIn(TestUsers.programmeOfficer())))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.status").value(422))
                .andExpect(jsonPath("$.title").value("Niet verwerkt"))
                .andExpect(
                        jsonPath("$.detail").value("Het veld nodes[2].title ontbreekt of heeft een ongeldige waarde."));
    }

    @Test
    void anEnglishApiCallerGetsTitleAndDetailInEnglish() throws Exception {
        mvc.perform(get("/api/v1/refusal-probe/invalid")
                        .cookie(new Cookie("BOLWERK_LANG", "en"))
                        .with(signedIn(TestUsers.programmeOfficer())))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.title").value("Not processed"))
                .andExpect(jsonPath("$.detail").value("The field nodes[2].title is missing or has an invalid value."));
        mvc.perform(get("/api/v1/refusal-probe/conflict")
                        .param("lang", "en")
                        .with(signedIn(TestUsers.programmeOfficer())))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail")
                        .value("This framework already exists in this version (cyfun 2025). A version never changes:"
                                + " give the file a new version number."));
    }

    /**
     * The language is the person's choice (cookie or {@code ?lang}), not the client's Accept-Language: the
     * locale resolver is a cookie resolver with Dutch as its default, for pages and API alike.
     */
    @Test
    void acceptLanguageAloneDoesNotSwitchTheLanguage() throws Exception {
        mvc.perform(get("/api/v1/refusal-probe/invalid")
                        .header("Accept-Language", "en")
                        .with(signedIn(TestUsers.programmeOfficer())))
                .andExpect(jsonPath("$.title").value("Niet verwerkt"));
    }

    /** Not only refusals: the framework's own 400s read their texts from the bundles as well. */
    @Test
    void malformedParametersAreProblemsFromTheBundlesToo() throws Exception {
        mvc.perform(get("/api/v1/refusal-probe/count").with(signedIn(TestUsers.programmeOfficer())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.title").value("Ongeldige aanvraag"))
                .andExpect(jsonPath("$.detail").value("De parameter 'count' ontbreekt."));
        mvc.perform(get("/api/v1/refusal-probe/count")
                        .param("count", "veel")
                        .cookie(new Cookie("BOLWERK_LANG", "en"))
                        .with(signedIn(TestUsers.programmeOfficer())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.title").value("Invalid value"))
                .andExpect(jsonPath("$.detail")
                        .value("The value of parameter 'count' does not have the expected format."));
    }

    @Test
    void aPageRefusalRendersTheErrorPageWithTheRuleAndTheStatusOfItsKind() throws Exception {
        mvc.perform(get("/refusal-probe/conflict").with(signedIn(TestUsers.programmeOfficer())))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andExpect(content().string(containsString("Dit raamwerk bestaat al in deze versie (cyfun 2025).")))
                .andExpect(content().string(not(containsString(RULE))));
        mvc.perform(get("/refusal-probe/invalid")
                        .cookie(new Cookie("BOLWERK_LANG", "en"))
                        .with(signedIn(TestUsers.programmeOfficer())))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content()
                        .string(containsString("The field nodes[2].title is missing or has an invalid value.")))
                .andExpect(content().string(not(containsString("ontbreekt"))));
    }
}
