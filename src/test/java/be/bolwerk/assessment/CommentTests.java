package be.bolwerk.assessment;

import static be.bolwerk.TestUsers.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import be.bolwerk.shared.security.CurrentUser;
import be.bolwerk.shared.security.OrganisationRole;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Colleagues discuss a control in a thread: who may open the control's area reads and writes it, the text is
 * shown escaped, a mention of a colleague who may open it mails them a link to the thread, and the thread of
 * another organisation, or of an area one may not open, does not exist (404).
 */
@SpringBootTest
@AutoConfigureMockMvc
class CommentTests {

    private final MockMvc mvc;
    private final JdbcClient jdbc;
    private UUID organisation;
    private People.Person admin;
    private People.Person colleague;
    private People.Person other;
    private UUID assessment;

    CommentTests(@Autowired MockMvc mvc, @Autowired JdbcClient jdbc) {
        this.mvc = mvc;
        this.jdbc = jdbc;
    }

    @BeforeEach
    void anAssessmentWithAnAreaGivenToAColleague() throws Exception {
        organisation = Fixtures.freshOrganisation(jdbc);
        admin = People.stored(jdbc, organisation, OrganisationRole.ORGANISATION_ADMIN, "Ada Admin", "en", true);
        colleague = People.stored(jdbc, organisation, OrganisationRole.MEMBER, "Cas Colleague", null, null);
        other = People.stored(jdbc, organisation, OrganisationRole.MEMBER, "Olga Other", null, null);
        assessment = Fixtures.start(
                mvc, admin.user(), organisation, Fixtures.builtIn(jdbc, "quickscan-actiedomeinen"), Fixtures.THIS_YEAR);
        mvc.perform(post("/assessments/{id}/assignments", assessment)
                .param("areaRef", "AD02")
                .param("accountId", colleague.id().toString())
                .with(signedIn(admin.user()))
                .with(csrf()));
    }

    private MockHttpServletRequestBuilder comment(String ref, String text, CurrentUser who) {
        return post("/assessments/{id}/controls/{ref}/comments", assessment, ref)
                .param("body", text)
                .with(signedIn(who))
                .with(csrf());
    }

    private long comments() {
        return jdbc.sql("SELECT COUNT(*) FROM control_comment WHERE assessment_id = :a")
                .param("a", assessment)
                .query(Long.class)
                .single();
    }

    @Test
    void aCommentIsShownEscapedUnderItsControl() throws Exception {
        mvc.perform(comment("AD02.1", "Zie <script>alert(1)</script> het beleid", colleague.user()))
                .andExpect(flash().attribute("notice", "comment.added"));

        mvc.perform(get("/assessments/{id}/controls/AD02.1/comments", assessment)
                        .with(signedIn(admin.user())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Cas Colleague")))
                .andExpect(content().string(containsString("Zie &lt;script&gt;alert(1)&lt;/script&gt; het beleid")))
                .andExpect(content().string(not(containsString("<script>alert(1)"))));
        mvc.perform(get("/assessments/{id}/areas/AD02", assessment).with(signedIn(colleague.user())))
                .andExpect(
                        content().string(containsString("/assessments/" + assessment + "/controls/AD02.1/comments")));
    }

    @Test
    void aMentionMailsTheColleagueWhoMayOpenTheControlInTheirLanguage() throws Exception {
        mvc.perform(comment("AD02.1", "@ada admin kijk je even mee? En @Olga Other ook.", colleague.user()))
                .andExpect(flash().attribute("notice", "comment.addedAndMailed"))
                .andExpect(flash().attribute("mentioned", "Ada Admin"));

        assertThat(People.mailsTo(jdbc, admin.email())).singleElement().satisfies(mail -> {
            assertThat(mail.subject()).isEqualTo("Cas Colleague mentioned you at AD02.1");
            assertThat(mail.body())
                    .contains("@ada admin kijk je even mee?")
                    .contains("http://localhost:8080/assessments/" + assessment + "/controls/AD02.1/comments");
        });
        // Olga may not open AD02 (it is Cas's), so a mail would lead her to a page she cannot see.
        assertThat(People.mailsTo(jdbc, other.email())).isEmpty();
        assertThat(People.mailsTo(jdbc, colleague.email()).stream()
                        .filter(m -> m.subject().contains("noemde")))
                .isEmpty();
    }

    @Test
    void aBlankOrTooLongCommentIsRefusedKeepingTheText() throws Exception {
        mvc.perform(comment("AD02.1", "   ", colleague.user()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Schrijf eerst een opmerking.")));
        mvc.perform(comment("AD02.1", "x".repeat(2001), colleague.user()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("hoogstens 2000 tekens")))
                .andExpect(content().string(containsString("x".repeat(2001))));
        assertThat(comments()).isZero();
    }

    @Test
    void anotherOrganisationOrAnAreaOneMayNotOpenHasNoThread() throws Exception {
        mvc.perform(comment("AD02.1", "Eerste", admin.user()));
        CurrentUser stranger = Fixtures.stranger();

        mvc.perform(get("/assessments/{id}/controls/AD02.1/comments", assessment)
                        .with(signedIn(stranger)))
                .andExpect(status().isNotFound());
        mvc.perform(comment("AD02.1", "Van buiten", stranger)).andExpect(status().isNotFound());
        mvc.perform(get("/assessments/{id}/controls/AD02.1/comments", assessment)
                        .with(signedIn(other.user())))
                .andExpect(status().isNotFound());
        mvc.perform(comment("AD02.1", "Niet van mij", other.user())).andExpect(status().isNotFound());
        mvc.perform(get("/assessments/{id}/controls/AD99.9/comments", assessment)
                        .with(signedIn(admin.user())))
                .andExpect(status().isNotFound());
        assertThat(comments()).isEqualTo(1);
    }

    @Test
    void aViewerReadsTheAnswersAndCommentsButAnswersNothing() throws Exception {
        People.Person viewer = People.stored(jdbc, organisation, OrganisationRole.VIEWER, "Vera Viewer", null, null);
        mvc.perform(comment("AD02.1", "Voor Vera", admin.user()));

        mvc.perform(get("/assessments/{id}/areas/AD02", assessment).with(signedIn(viewer.user())))
                .andExpect(status().isOk());
        mvc.perform(get("/assessments/{id}/controls/AD02.1/comments", assessment)
                        .with(signedIn(viewer.user())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Voor Vera")));
        mvc.perform(post("/assessments/{id}/answers/{ref}", assessment, "AD02.1")
                        .param("documentation", "1")
                        .param("implementation", "1")
                        .with(signedIn(viewer.user()))
                        .with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/assessments/{id}/assignments", assessment)
                        .param("areaRef", "AD03")
                        .param("accountId", viewer.id().toString())
                        .with(signedIn(admin.user()))
                        .with(csrf()))
                .andExpect(flash().attribute("problem", "assessment.assign.notAMember"));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM assessment_answer WHERE assessment_id = :a")
                        .param("a", assessment)
                        .query(Long.class)
                        .single())
                .isZero();
    }
}
