package be.bolwerk.assessment;

import static be.bolwerk.TestUsers.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import be.bolwerk.assessment.document.AnswerWorkbook;
import be.bolwerk.framework.Framework;
import be.bolwerk.framework.FrameworkNode;
import be.bolwerk.framework.FrameworkSource;
import be.bolwerk.framework.Frameworks;
import be.bolwerk.identity.PersonalMail;
import be.bolwerk.shared.security.OrganisationRole;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Each step of a self-evaluation mails the people it concerns, in their language, with a link to the exact
 * page: the colleague an area is given to, the admins when that colleague answered the whole area, everyone
 * who took part when it is submitted. A person who turned work mails off gets none of these, but still gets
 * the mails that are essential.
 */
@SpringBootTest
@AutoConfigureMockMvc
class WorkMailTests {

    private final MockMvc mvc;
    private final JdbcClient jdbc;
    private final Frameworks frameworks;
    private final PersonalMail personalMail;

    WorkMailTests(
            @Autowired MockMvc mvc,
            @Autowired JdbcClient jdbc,
            @Autowired Frameworks frameworks,
            @Autowired PersonalMail personalMail) {
        this.mvc = mvc;
        this.jdbc = jdbc;
        this.frameworks = frameworks;
        this.personalMail = personalMail;
    }

    private Framework quickscan() {
        return frameworks.get(frameworks.all().stream()
                .filter(f -> f.code().equals("quickscan-actiedomeinen") && f.source() == FrameworkSource.BUILT_IN)
                .findFirst()
                .orElseThrow()
                .id());
    }

    private List<FrameworkNode> controlsOf(String area) {
        return quickscan().areas().stream()
                .filter(a -> a.ref().equals(area))
                .findFirst()
                .orElseThrow()
                .controls();
    }

    private void assign(UUID assessment, String area, People.Person admin, People.Person to) throws Exception {
        mvc.perform(post("/assessments/{id}/assignments", assessment)
                        .param("areaRef", area)
                        .param("accountId", to.id().toString())
                        .with(signedIn(admin.user()))
                        .with(csrf()))
                .andExpect(flash().attribute("notice", "assessment.assign.saved"));
        // The assignment mail is sent after commit, and not at all once the evaluation was submitted: a test
        // that submits right away waits for it here, as a person would be seconds later.
        await().atMost(Duration.ofSeconds(20)).until(() -> People.reactionsDone(jdbc, assessment));
    }

    @Test
    void givingAnAreaMailsTheColleagueInTheirLanguageWithALinkToTheArea() throws Exception {
        UUID organisation = Fixtures.freshOrganisation(jdbc);
        People.Person admin =
                People.stored(jdbc, organisation, OrganisationRole.ORGANISATION_ADMIN, "Ada Admin", null, null);
        People.Person english = People.stored(jdbc, organisation, OrganisationRole.MEMBER, "Eve English", "en", true);
        People.Person dutch = People.stored(jdbc, organisation, OrganisationRole.MEMBER, "Daan Dutch", null, null);
        UUID assessment =
                Fixtures.start(mvc, admin.user(), organisation, quickscan().id(), Fixtures.THIS_YEAR);

        assign(assessment, "AD02", admin, english);
        assign(assessment, "AD03", admin, dutch);

        await().atMost(Duration.ofSeconds(20))
                .until(() -> People.mailsTo(jdbc, dutch.email()).size() == 1);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> People.mailsTo(jdbc, english.email()).size() == 1);
        People.Mail toEve = People.mailsTo(jdbc, english.email()).get(0);
        assertThat(toEve.subject()).startsWith("You now answer ");
        assertThat(toEve.body())
                .contains("Ada Admin gave you the area AD02 ")
                .contains("http://localhost:8080/assessments/" + assessment + "/areas/AD02");
        People.Mail toDaan = People.mailsTo(jdbc, dutch.email()).get(0);
        assertThat(toDaan.subject()).startsWith("U beantwoordt nu ");
        assertThat(toDaan.body())
                .contains("Ada Admin gaf u het domein AD03 ")
                .contains("/assessments/" + assessment + "/areas/AD03");
        await().atMost(Duration.ofSeconds(20)).until(() -> People.reactionsDone(jdbc, assessment));
        assertThat(People.mailsTo(jdbc, admin.email())).isEmpty();
    }

    @Test
    void aColleagueWhoTurnedWorkMailsOffIsNotMailedButEssentialMailsStillGo() throws Exception {
        UUID organisation = Fixtures.freshOrganisation(jdbc);
        People.Person admin =
                People.stored(jdbc, organisation, OrganisationRole.ORGANISATION_ADMIN, "Ada Admin", null, null);
        People.Person quiet = People.stored(jdbc, organisation, OrganisationRole.MEMBER, "Quinten Quiet", "nl", false);
        UUID assessment =
                Fixtures.start(mvc, admin.user(), organisation, quickscan().id(), Fixtures.THIS_YEAR);

        assign(assessment, "AD02", admin, quiet);
        await().atMost(Duration.ofSeconds(20)).until(() -> People.reactionsDone(jdbc, assessment));

        assertThat(People.mailsTo(jdbc, quiet.email())).isEmpty();
        assertThat(personalMail.send(
                        quiet.id(), PersonalMail.Kind.ESSENTIAL, null, "mail/roleChanged", Map.of("change", "Lid.")))
                .isTrue();
        assertThat(People.mailsTo(jdbc, quiet.email()))
                .singleElement()
                .satisfies(mail -> assertThat(mail.subject()).isEqualTo("Uw rol in Bolwerk is gewijzigd"));
    }

    @Test
    void theLastAnswerOfAGivenAreaMailsTheAdminsOnce() throws Exception {
        UUID organisation = Fixtures.freshOrganisation(jdbc);
        People.Person admin =
                People.stored(jdbc, organisation, OrganisationRole.ORGANISATION_ADMIN, "Ada Admin", "en", true);
        People.Person colleague =
                People.stored(jdbc, organisation, OrganisationRole.MEMBER, "Cas Colleague", null, null);
        UUID assessment =
                Fixtures.start(mvc, admin.user(), organisation, quickscan().id(), Fixtures.THIS_YEAR);
        assign(assessment, "AD02", admin, colleague);
        List<FrameworkNode> controls = controlsOf("AD02");

        for (int i = 0; i < controls.size(); i++) {
            mvc.perform(post(
                            "/assessments/{id}/answers/{ref}",
                            assessment,
                            controls.get(i).ref())
                    .header("HX-Request", "true")
                    .param("documentation", "2")
                    .param("implementation", "2")
                    .with(signedIn(colleague.user()))
                    .with(csrf()));
            if (i == controls.size() - 2) {
                await().atMost(Duration.ofSeconds(20)).until(() -> People.reactionsDone(jdbc, assessment));
                assertThat(People.mailsTo(jdbc, admin.email()))
                        .as("not finished yet")
                        .isEmpty();
            }
        }
        // The same last answer saved again changes nothing and mails nothing more.
        mvc.perform(post(
                        "/assessments/{id}/answers/{ref}",
                        assessment,
                        controls.get(controls.size() - 1).ref())
                .header("HX-Request", "true")
                .param("documentation", "3")
                .param("implementation", "3")
                .with(signedIn(colleague.user()))
                .with(csrf()));

        await().atMost(Duration.ofSeconds(20)).until(() -> People.reactionsDone(jdbc, assessment));
        assertThat(People.mailsTo(jdbc, admin.email())).singleElement().satisfies(mail -> {
            assertThat(mail.subject()).startsWith("Area ").endsWith(" is fully answered");
            assertThat(mail.body())
                    .contains("Cas Colleague answered every question of the area AD02 ")
                    .contains("http://localhost:8080/assessments/" + assessment + "\n");
        });
        assertThat(People.mailsTo(jdbc, colleague.email())).hasSize(1);
    }

    @Test
    void submittingMailsTheAdminsAndWhoTookPartButNotTheOthers() throws Exception {
        UUID organisation = Fixtures.freshOrganisation(jdbc);
        People.Person admin =
                People.stored(jdbc, organisation, OrganisationRole.ORGANISATION_ADMIN, "Ada Admin", null, null);
        People.Person colleague =
                People.stored(jdbc, organisation, OrganisationRole.MEMBER, "Cas Colleague", "en", true);
        People.Person bystander =
                People.stored(jdbc, organisation, OrganisationRole.MEMBER, "Bo Bystander", null, null);
        UUID assessment =
                Fixtures.start(mvc, admin.user(), organisation, quickscan().id(), Fixtures.THIS_YEAR);
        assign(assessment, "AD02", admin, colleague);
        for (FrameworkNode control : quickscan().controls()) {
            Fixtures.storedAnswer(jdbc, organisation, assessment, control.ref(), 3, 3, null, 1);
        }

        mvc.perform(post("/assessments/{id}/submit", assessment)
                        .param("confirmed", "true")
                        .with(signedIn(admin.user()))
                        .with(csrf()))
                .andExpect(flash().attribute("notice", "assessment.submit.done"));

        await().atMost(Duration.ofSeconds(20))
                .until(() -> People.mailsTo(jdbc, admin.email()).size() == 1);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> People.mailsTo(jdbc, colleague.email()).size() == 2);
        assertThat(People.mailsTo(jdbc, admin.email()).get(0).subject()).startsWith("Zelfevaluatie ");
        assertThat(People.mailsTo(jdbc, colleague.email()).get(1).body())
                .contains("Ada Admin submitted the self-evaluation ")
                .contains("http://localhost:8080/assessments/" + assessment + "/results");
        await().atMost(Duration.ofSeconds(20)).until(() -> People.reactionsDone(jdbc, assessment));
        assertThat(People.mailsTo(jdbc, bystander.email())).isEmpty();
    }

    /**
     * An admin who finishes a colleague's area by importing a workbook mails the other admins as the page does:
     * once per admin, however many answers the import changed, and not again when the same file comes back.
     * The admin who imported is not told what they just did.
     */
    @Test
    void anImportThatFinishesAGivenAreaMailsTheOtherAdminsOnceLikeThePage() throws Exception {
        UUID organisation = Fixtures.freshOrganisation(jdbc);
        People.Person importer =
                People.stored(jdbc, organisation, OrganisationRole.ORGANISATION_ADMIN, "Ada Admin", null, null);
        People.Person other =
                People.stored(jdbc, organisation, OrganisationRole.ORGANISATION_ADMIN, "Bert Beheer", "en", true);
        People.Person colleague =
                People.stored(jdbc, organisation, OrganisationRole.MEMBER, "Cas Colleague", null, null);
        UUID assessment =
                Fixtures.start(mvc, importer.user(), organisation, quickscan().id(), Fixtures.THIS_YEAR);
        assign(assessment, "AD02", importer, colleague);
        List<String> area = controlsOf("AD02").stream().map(FrameworkNode::ref).toList();
        byte[] exported = mvc.perform(
                        get("/assessments/{id}/export.xlsx", assessment).with(signedIn(importer.user())))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        byte[] filled;
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(exported))) {
            for (Row row : book.getSheetAt(0)) {
                if (row.getCell(0) != null && area.contains(row.getCell(0).getStringCellValue())) {
                    row.getCell(4, Row.MissingCellPolicy.CREATE_NULL_AS_BLANK).setCellValue(3);
                    row.getCell(5, Row.MissingCellPolicy.CREATE_NULL_AS_BLANK).setCellValue(2);
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            book.write(out);
            filled = out.toByteArray();
        }

        for (int time = 0; time < 2; time++) {
            mvc.perform(multipart("/assessments/{id}/import", assessment)
                            .file(new MockMultipartFile("file", "antwoorden.xlsx", AnswerWorkbook.CONTENT_TYPE, filled))
                            .with(signedIn(importer.user()))
                            .with(csrf()))
                    .andExpect(status().is3xxRedirection());
            await().atMost(Duration.ofSeconds(20)).until(() -> People.reactionsDone(jdbc, assessment));
        }

        assertThat(People.mailsTo(jdbc, other.email())).singleElement().satisfies(mail -> {
            assertThat(mail.subject()).startsWith("Area ").endsWith(" is fully answered");
            assertThat(mail.body())
                    .contains("the area AD02 ")
                    .contains("http://localhost:8080/assessments/" + assessment + "\n");
        });
        assertThat(People.mailsTo(jdbc, importer.email()))
                .as("who imported knows already")
                .isEmpty();
        assertThat(People.mailsTo(jdbc, colleague.email()))
                .as("only the mail that gave the area")
                .hasSize(1);
    }
}
