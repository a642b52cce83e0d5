package be.bolwerk.assessment;

import static be.bolwerk.TestUsers.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import be.bolwerk.shared.security.CurrentUser;
import be.bolwerk.shared.security.OrganisationRole;
import java.time.LocalDate;
import java.util.Map;
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
 * Improvement actions are changed by the admins while open, closed by an admin or their owner (with who and
 * when, after confirming), never changed again once closed, and owned only by members who may act: a viewer
 * cannot own one. Another organisation's action does not exist (404).
 */
@SpringBootTest
@AutoConfigureMockMvc
class ImprovementActionTests {

    private final MockMvc mvc;
    private final JdbcClient jdbc;
    private UUID organisation;
    private People.Person admin;
    private People.Person owner;
    private People.Person viewer;
    private UUID assessment;

    ImprovementActionTests(@Autowired MockMvc mvc, @Autowired JdbcClient jdbc) {
        this.mvc = mvc;
        this.jdbc = jdbc;
    }

    @BeforeEach
    void anAssessmentWithPeople() throws Exception {
        organisation = Fixtures.freshOrganisation(jdbc);
        admin = People.stored(jdbc, organisation, OrganisationRole.ORGANISATION_ADMIN, "Ada Admin", null, null);
        owner = People.stored(jdbc, organisation, OrganisationRole.MEMBER, "Owen Owner", null, null);
        viewer = People.stored(jdbc, organisation, OrganisationRole.VIEWER, "Vera Viewer", null, null);
        assessment = Fixtures.start(
                mvc, admin.user(), organisation, Fixtures.builtIn(jdbc, "quickscan-actiedomeinen"), Fixtures.THIS_YEAR);
    }

    private MockHttpServletRequestBuilder plan(String path, CurrentUser who, UUID ownerId, String title) {
        return post(path, assessment)
                .param("controlRef", "AD01.1")
                .param("title", title)
                .param("ownerId", ownerId == null ? "" : ownerId.toString())
                .param("dueDate", LocalDate.now().plusDays(20).toString())
                .param("priority", "HIGH")
                .with(signedIn(who))
                .with(csrf());
    }

    private UUID proposed(String title) throws Exception {
        mvc.perform(plan("/assessments/{id}/actions", admin.user(), owner.id(), title))
                .andExpect(flash().attribute("notice", "assessment.action.created"));
        return jdbc.sql("SELECT id FROM improvement_action WHERE assessment_id = :a AND title = :t")
                .param("a", assessment)
                .param("t", title)
                .query(UUID.class)
                .single();
    }

    private Map<String, Object> row(UUID action) {
        return jdbc.sql("SELECT title, owner_id, closed_by, closed_at FROM improvement_action WHERE id = :id")
                .param("id", action)
                .query()
                .singleRow();
    }

    @Test
    void anAdminChangesAnOpenActionAndTheOwnerClosesItOnce() throws Exception {
        UUID action = proposed("Back-ups testen");

        mvc.perform(plan("/assessments/{id}/actions/" + action, admin.user(), null, "Back-ups herstellen testen"))
                .andExpect(flash().attribute("notice", "assessment.action.changed"));
        assertThat(row(action)).containsEntry("TITLE", "Back-ups herstellen testen");
        assertThat(row(action).get("OWNER_ID")).isNull();
        mvc.perform(
                plan("/assessments/{id}/actions/" + action, admin.user(), owner.id(), "Back-ups herstellen testen"));

        mvc.perform(post("/assessments/{id}/actions/{a}/close", assessment, action)
                        .with(signedIn(owner.user()))
                        .with(csrf()))
                .andExpect(flash().attribute("problem", "users.confirmFirst"));
        assertThat(row(action).get("CLOSED_AT")).isNull();
        mvc.perform(post("/assessments/{id}/actions/{a}/close", assessment, action)
                        .param("confirmed", "true")
                        .with(signedIn(owner.user()))
                        .with(csrf()))
                .andExpect(flash().attribute("notice", "assessment.action.closedNow"));
        assertThat(row(action).get("CLOSED_BY")).isEqualTo(owner.id());
        assertThat(row(action).get("CLOSED_AT")).isNotNull();

        mvc.perform(post("/assessments/{id}/actions/{a}/close", assessment, action)
                        .param("confirmed", "true")
                        .with(signedIn(admin.user()))
                        .with(csrf()))
                .andExpect(flash().attribute("problem", "assessment.action.closed"));
        mvc.perform(plan("/assessments/{id}/actions/" + action, admin.user(), null, "Nog eens anders"))
                .andExpect(flash().attribute("problems", java.util.List.of("assessment.action.closed")));
        assertThat(row(action)).containsEntry("TITLE", "Back-ups herstellen testen");
        mvc.perform(get("/assessments/{id}/actions/{a}", assessment, action).with(signedIn(admin.user())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Afgesloten door Owen Owner op ")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("Actie wijzigen"))));
    }

    @Test
    void onlyAdminsChangeAndOnlyAdminsOrTheOwnerClose() throws Exception {
        UUID action = proposed("Beleid schrijven");
        People.Person other = People.stored(jdbc, organisation, OrganisationRole.MEMBER, "Olga Other", null, null);

        mvc.perform(plan("/assessments/{id}/actions/" + action, owner.user(), owner.id(), "Zelf gewijzigd"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/assessments/{id}/actions/{a}/close", assessment, action)
                        .param("confirmed", "true")
                        .with(signedIn(other.user()))
                        .with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/assessments/{id}/actions/{a}/close", assessment, action)
                        .param("confirmed", "true")
                        .with(signedIn(viewer.user()))
                        .with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/assessments/{id}/actions/{a}", assessment, action).with(signedIn(viewer.user())))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("Actie afsluiten"))));
        assertThat(row(action)).containsEntry("TITLE", "Beleid schrijven");
        assertThat(row(action).get("CLOSED_AT")).isNull();
    }

    @Test
    void aViewerCannotOwnAnActionNorBeOfferedAsOwner() throws Exception {
        mvc.perform(plan("/assessments/{id}/actions", admin.user(), viewer.id(), "Door een lezer"))
                .andExpect(flash().attribute("problems", java.util.List.of("assessment.assign.notAMember")));
        UUID action = proposed("Iets anders");
        mvc.perform(plan("/assessments/{id}/actions/" + action, admin.user(), viewer.id(), "Iets anders"))
                .andExpect(flash().attribute("problems", java.util.List.of("assessment.assign.notAMember")));
        mvc.perform(get("/assessments/{id}/actions/{a}", assessment, action).with(signedIn(admin.user())))
                .andExpect(content().string(containsString("Owen Owner")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("Vera Viewer"))));
    }

    @Test
    void anotherOrganisationsActionDoesNotExist() throws Exception {
        UUID action = proposed("Geheim");
        CurrentUser stranger = Fixtures.stranger();

        mvc.perform(get("/assessments/{id}/actions/{a}", assessment, action).with(signedIn(stranger)))
                .andExpect(status().isNotFound());
        mvc.perform(plan("/assessments/{id}/actions/" + action, stranger, null, "Overgenomen"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/assessments/{id}/actions/{a}/close", assessment, action)
                        .param("confirmed", "true")
                        .with(signedIn(stranger))
                        .with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/assessments/{id}/actions/{a}", assessment, UUID.randomUUID())
                        .with(signedIn(admin.user())))
                .andExpect(status().isNotFound());
        assertThat(row(action)).containsEntry("TITLE", "Geheim");
    }
}
