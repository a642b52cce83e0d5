package be.bolwerk.funding;

import static be.bolwerk.TestUsers.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import be.bolwerk.TestUsers;
import be.bolwerk.TypedForms;
import be.bolwerk.organisation.demo.DemoOrganisationIds;
import be.bolwerk.shared.security.CurrentUser;
import be.bolwerk.shared.security.OrganisationRole;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The budget pages and API with security: only programme officers see money (organisation members get 403 on
 * every page, form, export and API call, and change nothing), forms keep what was typed and say what is wrong,
 * adjusting below what is used is refused on the page, unknown lines answer 404, the export writes text as text.
 */
@SpringBootTest
@AutoConfigureMockMvc
class BudgetWebTests {

    private final MockMvc mvc;
    private final JdbcClient jdbc;
    private final Funding funding;

    private final CurrentUser officer = TestUsers.programmeOfficer();

    BudgetWebTests(@Autowired MockMvc mvc, @Autowired JdbcClient jdbc, @Autowired Funding funding) {
        this.mvc = mvc;
        this.jdbc = jdbc;
        this.funding = funding;
    }

    private final CurrentUser admin =
            TestUsers.member(DemoOrganisationIds.APPELKERKE.value(), OrganisationRole.ORGANISATION_ADMIN);

    private String credit(UUID line) {
        return jdbc.sql("SELECT credit FROM budget_line WHERE id = :id")
                .param("id", line)
                .query(BigDecimal.class)
                .single()
                .toPlainString();
    }

    @Test
    void organisationMembersAreRefusedEveryBudgetPageAndCall() throws Exception {
        UUID line = FundingFixtures.line(jdbc, "1000.00", true);
        for (String page : List.of(
                "/budget",
                "/budget/new",
                "/budget/" + line,
                "/budget/" + line + "/edit",
                "/budget/" + line + "/ledger.xlsx",
                "/api/v1/budget-lines",
                "/api/v1/budget-lines/" + line,
                "/api/v1/budget-lines/" + line + "/ledger")) {
            mvc.perform(get(page).with(signedIn(admin))).andExpect(status().isForbidden());
        }
        mvc.perform(post("/budget/" + line)
                        .param("name", "Gekaapt")
                        .param("owner", "x")
                        .param("validFrom", "2026-01-01")
                        .param("validUntil", "2026-12-31")
                        .param("credit", "99999999")
                        .with(signedIn(admin))
                        .with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(credit(line)).isEqualTo("1000.00");
    }

    @Test
    void writesWithoutACsrfTokenAreRefused() throws Exception {
        UUID line = FundingFixtures.line(jdbc, "1000.00", true);
        mvc.perform(post("/budget/" + line)
                        .param("name", "Zonder token")
                        .param("owner", "x")
                        .param("validFrom", "2026-01-01")
                        .param("validUntil", "2026-12-31")
                        .param("credit", "2000")
                        .with(signedIn(officer)))
                .andExpect(status().isForbidden());
        assertThat(credit(line)).isEqualTo("1000.00");
    }

    @Test
    void theOfficerOpensALineAndSeesItInTheYearList() throws Exception {
        String name = "Noodfonds " + UUID.randomUUID().toString().substring(0, 8);
        mvc.perform(post("/budget")
                        .param("name", name)
                        .param("year", "2031")
                        .param("purpose", "EMERGENCY_FUND")
                        .param("owner", "Agentschap Binnenlands Bestuur")
                        .param("validFrom", "2031-01-01")
                        .param("validUntil", "2031-12-31")
                        .param("sharesIncludeVat", "true")
                        .param("credit", "1.250.000,00")
                        .with(signedIn(officer))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("/budget/*"));
        mvc.perform(get("/budget").param("year", "2031").with(signedIn(officer)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString(name), containsString("€ 1.250.000,00"))));
        mvc.perform(get("/budget").param("year", "2030").with(signedIn(officer)))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString(name))));
        mvc.perform(get("/api/v1/budget-lines").param("year", "2031").with(signedIn(officer)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.name == '" + name + "')].credit").value(1250000.0))
                .andExpect(jsonPath("$[?(@.name == '" + name + "')].sharesIncludeVat")
                        .value(true));
    }

    @Test
    void theFormKeepsWhatWasTypedAndSaysWhatIsWrong() throws Exception {
        TypedForms.refusedKeepingWhatWasTyped(
                mvc,
                officer,
                "/budget",
                Map.of(
                        "name", "",
                        "year", "20x6",
                        "purpose", "BASIC_AUDITS",
                        "owner", "ABB",
                        "validFrom", "2026-02-31",
                        "validUntil", "2026-12-31",
                        "credit", "12,345"),
                List.of(
                        "Vul dit veld in.",
                        "Geef een jaar tussen 2000 en 2100.",
                        "Geef een datum als jjjj-mm-dd.",
                        "Geef een bedrag in euro met ten hoogste twee cijfers na de komma"),
                List.of("12,345", "20x6"));
    }

    @Test
    void adjustingBelowWhatIsCommittedIsRefusedOnThePage() throws Exception {
        UUID line = FundingFixtures.line(jdbc, "1000.00", true);
        funding.reserve(
                new BudgetLineId(line), new Reservation("Basisaudit", null, new BigDecimal("600.00"), false, null));
        int year = LocalDate.now().getYear();
        mvc.perform(post("/budget/" + line)
                        .param("name", "Aangepast " + line)
                        .param("owner", "ABB")
                        .param("validFrom", (year - 1) + "-01-01")
                        .param("validUntil", (year + 1) + "-12-31")
                        .param("credit", "599,99")
                        .with(signedIn(officer))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("Het krediet kan niet lager dan € 600,00"),
                                containsString("value=\"599,99\""))));
        assertThat(credit(line)).isEqualTo("1000.00");
        mvc.perform(post("/budget/" + line)
                        .param("name", "Aangepast " + line)
                        .param("owner", "ABB")
                        .param("validFrom", (year - 1) + "-01-01")
                        .param("validUntil", (year + 1) + "-12-31")
                        .param("credit", "600,00")
                        .with(signedIn(officer))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(credit(line)).isEqualTo("600.00");
        mvc.perform(get("/budget/" + line).with(signedIn(officer)))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("Aangepast " + line),
                                containsString("data-committed="),
                                containsString("/js/budget-chart-"),
                                containsString("Aandelen op bedragen exclusief btw"))));
    }

    @Test
    void unknownLinesAnswer404OnPagesAndAsProblemJson() throws Exception {
        mvc.perform(get("/budget/" + UUID.randomUUID()).with(signedIn(officer))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/budget-lines/" + UUID.randomUUID())
                        .accept(MediaType.APPLICATION_JSON)
                        .with(signedIn(officer)))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void theLedgerExportWritesTextAsTextNeverAsAFormula() throws Exception {
        UUID line = FundingFixtures.line(jdbc, "10000.00", true);
        CommitmentId id = funding.reserve(
                new BudgetLineId(line),
                new Reservation("=HYPERLINK(\"http://evil\")", null, new BigDecimal("6050.00"), false, null));
        funding.settle(
                id,
                new Invoice(
                        "=1+1",
                        LocalDate.now(),
                        CompanyNumber.parse("0403170701"),
                        new BigDecimal("7500.00"),
                        new BigDecimal("1575.00"),
                        new BigDecimal("9075.00")),
                Share.TWO_THIRDS);
        byte[] body = mvc.perform(get("/budget/" + line + "/ledger.xlsx").with(signedIn(officer)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(body))) {
            Row row = workbook.getSheetAt(0).getRow(3);
            assertThat(row.getCell(0).getCellType()).isEqualTo(CellType.STRING);
            assertThat(row.getCell(0).getStringCellValue()).isEqualTo("=HYPERLINK(\"http://evil\")");
            assertThat(row.getCell(4).getCellType()).isEqualTo(CellType.STRING);
            assertThat(row.getCell(4).getStringCellValue()).isEqualTo("=1+1");
            assertThat(row.getCell(10).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(row.getCell(10).getNumericCellValue()).isEqualTo(6050.00);
            assertThat(row.getCell(11).getNumericCellValue()).isEqualTo(3025.00);
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE event_type = 'EXPORT' AND details LIKE :line")
                        .param("line", "%" + line + "%")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        mvc.perform(get("/api/v1/budget-lines/" + line + "/ledger").with(signedIn(officer)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].invoiceNumber").value("=1+1"))
                .andExpect(jsonPath("$[0].programmeShare").value(6050.0))
                .andExpect(jsonPath("$[0].status").value("SETTLED"));
    }
}
