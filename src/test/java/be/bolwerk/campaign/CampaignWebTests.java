package be.bolwerk.campaign;

import static be.bolwerk.TestUsers.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import be.bolwerk.TestUsers;
import be.bolwerk.TypedForms;
import be.bolwerk.assessment.Fixtures;
import be.bolwerk.campaign.running.Campaign;
import be.bolwerk.campaign.running.CampaignStore;
import be.bolwerk.campaign.running.ReminderSchedule;
import be.bolwerk.organisation.demo.DemoOrganisationIds;
import be.bolwerk.shared.BelgianTime;
import be.bolwerk.shared.security.CurrentUser;
import be.bolwerk.shared.security.OrganisationRole;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The campaign pages with security: only programme officers manage campaigns, forms keep what was typed and say
 * what is wrong, unknown ids answer 404, the export writes text as text, and an organisation sees its own
 * deadline on its self-evaluations page and no other organisation's.
 */
@SpringBootTest
@AutoConfigureMockMvc
class CampaignWebTests {

    private static final UUID APPELKERKE = DemoOrganisationIds.APPELKERKE.value();
    private static final UUID MUNTHOVE = DemoOrganisationIds.OCMW_MUNTHOVE.value();

    private final MockMvc mvc;
    private final CampaignStore store;
    private final JdbcClient jdbc;
    private final Clock clock;

    private final CurrentUser officer = TestUsers.programmeOfficer();
    private final CurrentUser appelkerkeAdmin = TestUsers.member(APPELKERKE, OrganisationRole.ORGANISATION_ADMIN);
    private final List<UUID> made = new ArrayList<>();
    private LocalDate today;
    private Campaign campaign;

    CampaignWebTests(
            @Autowired MockMvc mvc,
            @Autowired CampaignStore store,
            @Autowired JdbcClient jdbc,
            @Autowired Clock clock) {
        this.mvc = mvc;
        this.store = store;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @BeforeEach
    void campaignOfTwo() {
        today = BelgianTime.today(clock);
        campaign = stored(
                "Webtest " + UUID.randomUUID(), Map.of(APPELKERKE, "Gemeente Appelkerke", MUNTHOVE, "OCMW Munthove"));
    }

    @AfterEach
    void cleanUp() {
        for (UUID id : made) {
            jdbc.sql("DELETE FROM campaign WHERE id = :id").param("id", id).update();
        }
    }

    private Campaign stored(String name, Map<UUID, String> invited) {
        Campaign stored = new Campaign(
                new CampaignId(UUID.randomUUID()),
                name,
                UUID.randomUUID(),
                today.getYear(),
                null,
                today.minusDays(10),
                today.plusDays(20),
                ReminderSchedule.DEFAULT,
                officer.id(),
                Instant.now());
        store.insert(stored, new LinkedHashMap<>(invited));
        made.add(stored.id().value());
        return stored;
    }

    private String path() {
        return "/campaigns/" + campaign.id();
    }

    @Test
    void theOfficerSeesTheCampaignsAndTheCompletionOfOne() throws Exception {
        mvc.perform(get("/campaigns").with(signedIn(officer)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(campaign.name())));
        mvc.perform(get(path()).param("filter", "ALL").param("sort", "DEADLINE").with(signedIn(officer)))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("Gemeente Appelkerke"),
                                containsString("OCMW Munthove"),
                                containsString("Niet gestart"),
                                containsString("2 niet gestart, 0 bezig, 0 ingediend."))));
    }

    @Test
    void onlyProgrammeOfficersReachTheCampaignPages() throws Exception {
        for (String page :
                List.of("/campaigns", "/campaigns/new", path(), path() + "/reminder", path() + "/export.xlsx")) {
            mvc.perform(get(page).with(signedIn(appelkerkeAdmin))).andExpect(status().isForbidden());
        }
        mvc.perform(post(path() + "/reminder").with(signedIn(appelkerkeAdmin)).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post(path() + "/organisations/" + APPELKERKE + "/extension")
                        .param("deadline", today.plusDays(90).toString())
                        .param("reason", "zelf verlengd")
                        .with(signedIn(appelkerkeAdmin))
                        .with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(deadlineOf(APPELKERKE)).isEqualTo(today.plusDays(20));
    }

    @Test
    void unknownCampaignsAndOrganisationsNotInvitedAnswer404() throws Exception {
        mvc.perform(get("/campaigns/" + UUID.randomUUID()).with(signedIn(officer)))
                .andExpect(status().isNotFound());
        mvc.perform(get(path() + "/organisations/" + UUID.randomUUID() + "/extension")
                        .with(signedIn(officer)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/campaigns/not-a-uuid").with(signedIn(officer))).andExpect(status().is4xxClientError());
    }

    @Test
    void theFormProposesTheUsualScheduleAndKeepsWhatWasTypedWhenRefused() throws Exception {
        mvc.perform(get("/campaigns/new").with(signedIn(officer)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"30, 7, 1\"")));
        long before =
                jdbc.sql("SELECT COUNT(*) FROM campaign").query(Long.class).single();

        TypedForms.refusedKeepingWhatWasTyped(
                mvc,
                officer,
                "/campaigns",
                Map.of(
                        "name",
                        "",
                        "frameworkVersionId",
                        Fixtures.builtIn(jdbc, "quickscan-actiedomeinen").toString(),
                        "year",
                        "20x6",
                        "startsOn",
                        today.toString(),
                        "deadline",
                        today.getYear() + "-02-31",
                        "reminders",
                        "30, zeven"),
                List.of("Vul dit veld in.", "Geef een jaartal van vier cijfers.", "Geef een geldige datum"),
                List.of("30, zeven", "20x6"));
        mvc.perform(post("/campaigns")
                        .param("name", "Verkeerde volgorde")
                        .param(
                                "frameworkVersionId",
                                Fixtures.builtIn(jdbc, "quickscan-actiedomeinen")
                                        .toString())
                        .param("year", String.valueOf(today.getYear() + 1))
                        .param("startsOn", today.plusDays(10).toString())
                        .param("deadline", today.plusDays(5).toString())
                        .param("reminders", "7")
                        .with(signedIn(officer))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("De deadline moet na de startdatum vallen."),
                                containsString("value=\"Verkeerde volgorde\""))));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM campaign").query(Long.class).single())
                .isEqualTo(before);
    }

    @Test
    void openingThroughThePageLeadsToItsCompletion() throws Exception {
        String location = mvc.perform(post("/campaigns")
                        .param("name", "Quickscan politie " + UUID.randomUUID())
                        .param(
                                "frameworkVersionId",
                                Fixtures.builtIn(jdbc, "quickscan-actiedomeinen")
                                        .toString())
                        .param("year", String.valueOf(today.getYear() + 1))
                        .param("invitedType", "POLICE_ZONE")
                        .param("startsOn", today.toString())
                        .param("deadline", today.plusDays(40).toString())
                        .param("reminders", "7, 1")
                        .with(signedIn(officer))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("/campaigns/*"))
                .andExpect(flash().attribute("notice", "campaign.opened"))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        made.add(UUID.fromString(location.substring("/campaigns/".length())));
        mvc.perform(get(location).with(signedIn(officer)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Politiezone"), containsString("7, 1"))));
    }

    @Test
    void anExtensionNeedsAReasonAndALaterDate() throws Exception {
        String extension = path() + "/organisations/" + APPELKERKE + "/extension";
        mvc.perform(get(extension).with(signedIn(officer)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Gemeente Appelkerke")));
        mvc.perform(post(extension)
                        .param("deadline", today.plusDays(45).toString())
                        .param("reason", " ")
                        .param("seen", today.plusDays(20).toString())
                        .with(signedIn(officer))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("Geef de reden van de verlenging."),
                                containsString("value=\"" + today.plusDays(45) + "\""))));
        mvc.perform(post(extension)
                        .param("deadline", today.plusDays(5).toString())
                        .param("reason", "Te vroeg")
                        .param("seen", today.plusDays(20).toString())
                        .with(signedIn(officer))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("De nieuwe deadline moet na de huidige deadline")));
        assertThat(deadlineOf(APPELKERKE)).isEqualTo(today.plusDays(20));

        mvc.perform(post(extension)
                        .param("deadline", today.plusDays(45).toString())
                        .param("reason", "Cyberincident in oktober")
                        .param("seen", today.plusDays(20).toString())
                        .with(signedIn(officer))
                        .with(csrf()))
                .andExpect(redirectedUrl(path() + "?filter=ALL"));
        assertThat(deadlineOf(APPELKERKE)).isEqualTo(today.plusDays(45));
        mvc.perform(get(path()).param("filter", "ALL").with(signedIn(officer)))
                .andExpect(content().string(containsString("Verlengd: Cyberincident in oktober")));
    }

    @Test
    void theReminderIsPreviewedThenSentWithOneClick() throws Exception {
        mvc.perform(get(path() + "/reminder").with(signedIn(officer)))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("iso@appelkerke.invalid"),
                                containsString("iso@munthove.invalid"),
                                containsString("Herinnering: " + campaign.name()),
                                containsString("heeft de zelfevaluatie"))));
        mvc.perform(post(path() + "/reminder").with(signedIn(officer)).with(csrf()))
                .andExpect(redirectedUrl(path()))
                .andExpect(flash().attribute("notice", "campaign.reminder.sent"))
                .andExpect(flash().attribute("noticeCount", 2));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM mail_outbox WHERE subject = :s")
                        .param("s", "Herinnering: " + campaign.name())
                        .query(Long.class)
                        .single())
                .isGreaterThanOrEqualTo(2);
    }

    @Test
    void theExportWritesEveryRowWithTextAsText() throws Exception {
        jdbc.sql(
                        "UPDATE campaign_participant SET extension_reason = '=1+1' WHERE campaign_id = :id AND organisation_id = :o")
                .param("id", campaign.id().value())
                .param("o", APPELKERKE)
                .update();
        byte[] body = mvc.perform(
                        get(path() + "/export.xlsx").param("filter", "ALL").with(signedIn(officer)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(body))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getLastRowNum()).isEqualTo(2);
            Row appelkerke = sheet.getRow(1);
            assertThat(appelkerke.getCell(0).getStringCellValue()).isEqualTo("Gemeente Appelkerke");
            Cell reason = appelkerke.getCell(7);
            assertThat(reason.getCellType()).isEqualTo(CellType.STRING);
            assertThat(reason.getStringCellValue()).isEqualTo("=1+1");
            assertThat(reason.getCellStyle().getDataFormatString()).isEqualTo("@");
            assertThat(appelkerke.getCell(4).getCellType()).isEqualTo(CellType.NUMERIC);
        }
    }

    @Test
    void anOrganisationSeesItsOwnDeadlineOnItsSelfEvaluationsAndNoOneElses() throws Exception {
        Campaign munthoveOnly = stored("Alleen Munthove " + UUID.randomUUID(), Map.of(MUNTHOVE, "OCMW Munthove"));

        mvc.perform(get("/assessments").with(signedIn(appelkerkeAdmin)))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString(campaign.name()),
                                containsString(BelgianTime.today(clock)
                                        .plusDays(20)
                                        .format(java.time.format.DateTimeFormatter.ofPattern("dd-MM-yyyy"))),
                                not(containsString(munthoveOnly.name())),
                                not(containsString("Munthove")))));
    }

    @Test
    void theDemoRunsThisYearsCampaignForTheBuiltInSelfEvaluationWithEveryOrganisation() {
        Map<String, Object> demo = jdbc.sql("""
                        SELECT c.campaign_year, c.starts_on, c.deadline, f.code,
                               (SELECT COUNT(*) FROM campaign_participant p WHERE p.campaign_id = c.id) AS invited
                        FROM campaign c JOIN framework_version f ON f.id = c.framework_version_id
                        WHERE c.opened_by = :demo
                        """)
                .param("demo", UUID.nameUUIDFromBytes("bolwerk-demo-campaigns".getBytes()))
                .query()
                .singleRow();
        assertThat(demo.get("code")).isEqualTo("zelfevaluatie-ict");
        assertThat(((Number) demo.get("campaign_year")).intValue()).isEqualTo(today.getYear());
        // Every demo organisation; tests register more later, which were not there when the demo opened it.
        assertThat(((Number) demo.get("invited")).longValue()).isGreaterThanOrEqualTo(300);
    }

    private LocalDate deadlineOf(UUID organisation) {
        return jdbc.sql("SELECT deadline FROM campaign_participant WHERE campaign_id = :id AND organisation_id = :o")
                .param("id", campaign.id().value())
                .param("o", organisation)
                .query(LocalDate.class)
                .single();
    }
}
