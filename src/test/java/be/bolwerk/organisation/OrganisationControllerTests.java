package be.bolwerk.organisation;

import static be.bolwerk.TestUsers.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import be.bolwerk.TestUsers;
import be.bolwerk.TypedForms;
import be.bolwerk.organisation.demo.DemoOrganisationIds;
import be.bolwerk.shared.security.CurrentUser;
import be.bolwerk.shared.security.OrganisationRole;
import be.bolwerk.shared.security.Persona;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@SpringBootTest
@AutoConfigureMockMvc
class OrganisationControllerTests {

    private static final String APPELKERKE = "/organisations/" + DemoOrganisationIds.APPELKERKE;
    private static final String MUNTHOVE = "/organisations/" + DemoOrganisationIds.OCMW_MUNTHOVE;

    private final MockMvc mvc;
    private final OrganisationDirectory directory;

    OrganisationControllerTests(@Autowired MockMvc mvc, @Autowired OrganisationDirectory directory) {
        this.mvc = mvc;
        this.directory = directory;
    }

    private final CurrentUser officer = TestUsers.programmeOfficer();
    private final CurrentUser appelkerkeAdmin =
            TestUsers.member(DemoOrganisationIds.APPELKERKE.value(), OrganisationRole.ORGANISATION_ADMIN);

    private static MockHttpServletRequestBuilder validRegistration(String name) {
        return post("/organisations")
                .param("name", name)
                .param("type", "MUNICIPALITY")
                .param("nisCode", "")
                .param("inhabitants", "15000")
                .param("staffCount", "120")
                .param("contactEmail", "iso@nieuwdorp.invalid")
                .param("contactPhone", "+32 9 111 22 33");
    }

    @Test
    void listShowsOrganisationsToAProgrammeOfficer() throws Exception {
        mvc.perform(get("/organisations").param("q", "appelkerke").with(signedIn(officer)))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("Gemeente Appelkerke"), containsString("1 organisatie gevonden"))));
    }

    @Test
    void sortAndPagerLinksKeepTheSearchEncodedAndToggleTheCurrentColumn() throws Exception {
        String page = mvc.perform(get("/organisations")
                        .param("q", "gemeente a")
                        .param("sort", "inhabitants")
                        .param("dir", "asc")
                        .param("size", "10")
                        .with(signedIn(officer)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        // The current column sorts the other way next; another column starts ascending; the query stays, encoded.
        assertThat(page)
                .contains(
                        "href=\"/organisations?q=gemeente+a&amp;type=&amp;sort=inhabitants&amp;dir=desc&amp;size=10\"")
                .contains("href=\"/organisations?q=gemeente+a&amp;type=&amp;sort=name&amp;dir=asc&amp;size=10\"")
                .contains("aria-sort=\"ascending\"")
                .doesNotContain("aria-sort=\"descending\"");
    }

    @Test
    void pagerLinksFollowTheSearchAndTheLastPageHasNoNext() throws Exception {
        String first = mvc.perform(get("/organisations").param("size", "100").with(signedIn(officer)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(first)
                .contains(
                        "rel=\"next\" href=\"/organisations?q=&amp;type=&amp;sort=name&amp;dir=asc&amp;size=100&amp;page=1\"")
                .doesNotContain("rel=\"prev\"");

        long pages = (directory.search(OrganisationSearch.firstPage(), officer).total() + 99) / 100;
        String last = mvc.perform(get("/organisations")
                        .param("size", "100")
                        .param("page", String.valueOf(pages - 1))
                        .with(signedIn(officer)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(last).contains("rel=\"prev\"").doesNotContain("rel=\"next\"");
    }

    @Test
    void htmxRequestGetsOnlyTheResultsFragment() throws Exception {
        mvc.perform(get("/organisations")
                        .param("q", "appelkerke")
                        .header("HX-Request", "true")
                        .with(signedIn(officer)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("id=\"results\""), not(containsString("<html")))));
    }

    @Test
    void historyRestoreGetsTheWholePage() throws Exception {
        mvc.perform(get("/organisations")
                        .header("HX-Request", "true")
                        .header("HX-History-Restore-Request", "true")
                        .with(signedIn(officer)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("<html"), containsString("id=\"results\""))));
    }

    @Test
    void exportHoldsEveryMatchingOrganisationAsAWorkbook() throws Exception {
        byte[] body = mvc.perform(get("/organisations/export.xlsx")
                        .param("type", "PROVINCE")
                        .with(signedIn(officer)))
                .andExpect(status().isOk())
                .andExpect(
                        header().string("Content-Disposition", containsString("attachment; filename=\"organisaties-")))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(body))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Naam");
            assertThat(sheet.getLastRowNum()).isGreaterThanOrEqualTo(5);
            for (int row = 1; row <= sheet.getLastRowNum(); row++) {
                assertThat(sheet.getRow(row).getCell(1).getStringCellValue()).isEqualTo("Provincie");
            }
        }
    }

    @Test
    void exportOfAMemberHoldsOnlyTheirOwnOrganisation() throws Exception {
        byte[] body = mvc.perform(get("/organisations/export.xlsx").with(signedIn(appelkerkeAdmin)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(body))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getLastRowNum()).isEqualTo(1);
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("Gemeente Appelkerke");
        }
    }

    @Test
    void listOfAMemberHoldsOnlyTheirOwnOrganisation() throws Exception {
        mvc.perform(get("/organisations").with(signedIn(appelkerkeAdmin)))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(containsString("Gemeente Appelkerke"), not(containsString("Munthove")))));
    }

    @Test
    void foreignOrganisationAnswersWithTheNotFoundPage() throws Exception {
        mvc.perform(get(MUNTHOVE).with(signedIn(appelkerkeAdmin)))
                .andExpect(status().isNotFound())
                .andExpect(content()
                        .string(allOf(containsString("Pagina niet gevonden"), not(containsString("Munthove")))));
        mvc.perform(get("/organisations/" + UUID.randomUUID()).with(signedIn(officer)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/organisations/not-a-uuid").with(signedIn(officer))).andExpect(status().isNotFound());
    }

    @Test
    void memberSeesTheProfileOfTheirOrganisationWithoutEditButton() throws Exception {
        mvc.perform(get(APPELKERKE).with(signedIn(appelkerkeAdmin)))
                .andExpect(status().isOk())
                .andExpect(
                        content().string(allOf(containsString("Gemeente Appelkerke"), not(containsString("/edit")))));
    }

    @Test
    void onlyProgrammeOfficersReachTheForms() throws Exception {
        mvc.perform(get("/organisations/new").with(signedIn(appelkerkeAdmin))).andExpect(status().isForbidden());
        mvc.perform(get(APPELKERKE + "/edit").with(signedIn(TestUsers.persona(Persona.CRT_ANALYST))))
                .andExpect(status().isForbidden());
        mvc.perform(validRegistration("Gemeente Verboden")
                        .with(signedIn(appelkerkeAdmin))
                        .with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post(APPELKERKE)
                        .param("name", "Gemeente Appelkerke")
                        .param("type", "MUNICIPALITY")
                        .param("contactEmail", "overgenomen@appelkerke.invalid")
                        .param("version", "0")
                        .with(signedIn(appelkerkeAdmin))
                        .with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(directory.profile(DemoOrganisationIds.APPELKERKE, officer).contactEmail())
                .isNotEqualTo("overgenomen@appelkerke.invalid");
        mvc.perform(get("/organisations/new").with(signedIn(officer))).andExpect(status().isOk());
    }

    @Test
    void registrationWithoutCsrfTokenIsRefused() throws Exception {
        mvc.perform(validRegistration("Gemeente Zonder Token").with(signedIn(officer)))
                .andExpect(status().isForbidden());
    }

    @Test
    void validRegistrationRedirectsToTheNewProfile() throws Exception {
        String name = "Gemeente Nieuwdorp " + UUID.randomUUID().toString().substring(0, 6);

        String location = mvc.perform(
                        validRegistration(name).with(signedIn(officer)).with(csrf()))
                .andExpect(status().isFound())
                .andExpect(redirectedUrlPattern("/organisations/*"))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();

        OrganisationId id = new OrganisationId(UUID.fromString(location.substring("/organisations/".length())));
        assertThat(directory.profile(id, officer).name()).isEqualTo(name);
    }

    @Test
    void invalidInputShowsDutchFieldErrorsAndKeepsWhatWasTyped() throws Exception {
        String page = TypedForms.refusedKeepingWhatWasTyped(
                mvc,
                officer,
                "/organisations",
                Map.of(
                        "name", "",
                        "type", "MUNICIPALITY",
                        "nisCode", "12ab",
                        "inhabitants", "veel",
                        "staffCount", "-4",
                        "contactEmail", "geen-adres",
                        "contactPhone", "bel me<script>"),
                List.of(
                        "Vul dit veld in.",
                        "Een NIS-code bestaat uit precies vijf cijfers.",
                        "Geef een geheel getal van 0 of meer, zonder punten of spaties.",
                        "Geef een geldig e-mailadres"),
                List.of("-4", "12ab", "veel", "geen-adres"));
        assertThat(page).contains("bel me&lt;script&gt;").doesNotContain("bel me<script>");
    }

    @Test
    void unknownTypeAndOversizedValuesAreRefusedWithoutAServerError() throws Exception {
        mvc.perform(post("/organisations")
                        .param("name", "x".repeat(5000))
                        .param("type", "CASTLE")
                        .param("inhabitants", "99999999999999999999")
                        .param("contactEmail", "a@b.invalid")
                        .with(signedIn(officer))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Kies een type uit de lijst.")));
        mvc.perform(validRegistration("x".repeat(5000))
                        .param("inhabitants", "99999999999999999999")
                        .with(signedIn(officer))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("Gebruik hoogstens 200 tekens."),
                                containsString("Geef een geheel getal van 0 of meer"))));
    }

    @Test
    void duplicateNameIsShownNextToTheField() throws Exception {
        mvc.perform(validRegistration("Gemeente Appelkerke")
                        .with(signedIn(officer))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Er bestaat al een organisatie met deze naam.")));
    }

    @Test
    void markupInANameIsStoredVerbatimAndRenderedEscaped() throws Exception {
        String name = "<img src=x onerror=alert(1)> '; DROP TABLE organisation; -- "
                + UUID.randomUUID().toString().substring(0, 6);
        String location = mvc.perform(
                        validRegistration(name).with(signedIn(officer)).with(csrf()))
                .andExpect(status().isFound())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();

        mvc.perform(get(location).with(signedIn(officer)))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("&lt;img src=x onerror=alert(1)&gt;"),
                                not(containsString("<img src=x")))));
        OrganisationId id = new OrganisationId(UUID.fromString(location.substring("/organisations/".length())));
        assertThat(directory.profile(id, officer).name()).isEqualTo(name);
    }

    @Test
    void editWithAnOutdatedVersionKeepsTheInputAndExplains() throws Exception {
        String name = "Gemeente Tweemaal " + UUID.randomUUID().toString().substring(0, 6);
        String location = mvc.perform(
                        validRegistration(name).with(signedIn(officer)).with(csrf()))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        MockHttpServletRequestBuilder edit = post(location)
                .param("name", name)
                .param("type", "MUNICIPALITY")
                .param("inhabitants", "16000")
                .param("contactEmail", "iso@tweemaal.invalid")
                .param("version", "0")
                .with(signedIn(officer))
                .with(csrf());

        mvc.perform(edit).andExpect(status().isFound());
        mvc.perform(edit)
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("Iemand anders heeft deze organisatie intussen gewijzigd"),
                                containsString("value=\"16000\""))));
    }

    @Test
    void unauthenticatedVisitorIsSentToTheLoginPage() throws Exception {
        mvc.perform(get("/organisations")).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
    }
}
