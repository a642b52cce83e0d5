package be.bolwerk;

import static be.bolwerk.TestUsers.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import be.bolwerk.identity.DemoTotp;
import be.bolwerk.identity.SignIn;
import be.bolwerk.organisation.demo.DemoOrganisationIds;
import jakarta.servlet.http.Cookie;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The fragments every page is built from (templates/fragments, error/page): what they promise the person and
 * assistive technology, checked once here instead of on each page that uses them.
 */
@SpringBootTest
@AutoConfigureMockMvc
class PageFragmentsTests {

    private static final String DEMO_EMAIL = "iso@munthove.invalid";
    private static final String DEMO_PASSWORD = "bolwerk-demo-2026";
    /** The script, whatever the fingerprint of its content (ADR 0022). */
    private static final String PASSKEYS = "/js/passkeys-";

    private final MockMvc mvc;
    private final JdbcClient jdbc;
    private final ITemplateEngine templates;

    PageFragmentsTests(@Autowired MockMvc mvc, @Autowired JdbcClient jdbc, @Autowired ITemplateEngine templates) {
        this.mvc = mvc;
        this.jdbc = jdbc;
        this.templates = templates;
    }

    private String page(RequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse().getContentAsString();
    }

    @Test
    void aRefusedFieldPointsAtItsHintAndItsErrorAndTheOthersStayQuiet() throws Exception {
        String form = page(post("/organisations")
                .param("name", "")
                .param("type", "MUNICIPALITY")
                .param("nisCode", "12x")
                .param("contactEmail", "iso@nieuwdorp.invalid")
                .with(signedIn(TestUsers.programmeOfficer()))
                .with(csrf()));

        assertThat(form)
                .contains("id=\"form-errors\"")
                .containsPattern("aria-describedby=\"nisCode-hint nisCode-error\" aria-invalid=\"true\" id=\"nisCode\"")
                .contains("<p class=\"field-error\" id=\"nisCode-error\">")
                .containsPattern("aria-describedby=\"name-error\" aria-invalid=\"true\" id=\"name\"")
                // The value that was refused comes back as typed, so the person can correct it.
                .contains("name=\"nisCode\" value=\"12x\"")
                // A field that was accepted is not announced as invalid and points at nothing that is not there.
                .containsPattern("<input type=\"email\" maxlength=\"254\" autocomplete=\"email\" id=\"contactEmail\"");
    }

    @Test
    void aPageWhoseAddressHoldsAnIdStillLabelsEachFieldByItsOwnName() throws Exception {
        // /organisations/{id}/edit puts "id" among the page's variables; a field must not take it for its own.
        String form = page(get("/organisations/{id}/edit", DemoOrganisationIds.APPELKERKE)
                .with(signedIn(TestUsers.programmeOfficer())));

        assertThat(form)
                .contains("<label for=\"nisCode\">NIS-code</label>", "id=\"nisCode\" name=\"nisCode\"")
                .contains("id=\"name\" name=\"name\"", "id=\"contactEmail\" name=\"contactEmail\"")
                .doesNotContain("for=\"" + DemoOrganisationIds.APPELKERKE + "\"");
    }

    @Test
    void aHintIsAnnouncedWithItsFieldOutsideAFormObjectToo() {
        String field = templates.process(
                "fragments/form",
                Set.of("field"),
                context(Map.of("name", "checkpoint", "label", "Controlepunt", "hint", "Huidig: 12:abc")));

        assertThat(field)
                .contains("<label for=\"checkpoint\">Controlepunt</label>")
                .contains("<p class=\"hint\" id=\"checkpoint-hint\">Huidig: 12:abc</p>")
                .contains("aria-describedby=\"checkpoint-hint\"")
                .doesNotContain("aria-invalid", "value=");

        String code = templates.process(
                "fragments/form",
                Set.of("field"),
                context(Map.of("name", "code", "label", "Code uit de app", "required", true, "pattern", "[0-9]{6}")));
        assertThat(code)
                .contains("<label for=\"code\">Code uit de app</label>")
                .contains("pattern=\"[0-9]{6}\"", "required=\"required\"", "id=\"code\" name=\"code\"")
                .doesNotContain("aria-describedby");
    }

    @Test
    void aRefusalNamesTheRuleWithItsArguments() {
        String notice = templates.process(
                "fragments/notice",
                Set.of("problem"),
                context(Map.of("problem", "assessment.progress", "problemArguments", new Object[] {3, 14})));

        assertThat(notice).contains("role=\"alert\"").contains("3 van 14 vragen beantwoord");
    }

    @Test
    void theOutagePageNeedsNeitherARequestNorTheLayout() {
        // DatabaseOutageFilter renders it outside Spring MVC, while the session store (the database) is gone.
        String outage = templates.process("error/page", context(Map.of("status", 503)));

        assertThat(outage)
                .contains("lang=\"nl\"", "Tijdelijk niet beschikbaar", "href=\"/\"")
                .doesNotContain("main-nav", "<script", "_csrf");
    }

    @Test
    void theErrorPageShowsTheTextOfItsStatus() throws Exception {
        String missing = page(get("/organisations/00000000-0000-0000-0000-000000000000")
                .with(signedIn(TestUsers.programmeOfficer())));

        assertThat(missing).contains("Pagina niet gevonden", "site-header", "Naar de startpagina");
    }

    @Test
    void passkeyScriptLoadsOnlyOnThePagesThatOfferPasskeys() throws Exception {
        assertThat(page(get("/login"))).doesNotContain(PASSKEYS);
        assertThat(page(get("/organisations").with(signedIn(TestUsers.programmeOfficer()))))
                .doesNotContain(PASSKEYS);

        DemoTotp.forgetUsedCodes(jdbc, DEMO_EMAIL);
        Cookie session = SignIn.bothSteps(mvc, jdbc, DEMO_EMAIL, DEMO_PASSWORD);
        assertThat(page(get("/account/factors").cookie(session))).doesNotContain(PASSKEYS);
        DemoTotp.forgetUsedCodes(jdbc, DEMO_EMAIL);
        mvc.perform(post("/account/factors/proof")
                        .param("password", DEMO_PASSWORD)
                        .param("code", DemoTotp.currentCode())
                        .cookie(session)
                        .with(csrf()))
                .andExpect(redirectedUrl("/account/factors"));
        assertThat(page(get("/account/factors").cookie(session)))
                .contains("id=\"passkey-registration\"")
                .contains(PASSKEYS);
    }

    private static Context context(Map<String, Object> variables) {
        return new Context(Locale.forLanguageTag("nl"), variables);
    }
}
