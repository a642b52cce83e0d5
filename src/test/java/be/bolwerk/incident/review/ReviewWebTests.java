package be.bolwerk.incident.review;

import static be.bolwerk.TestUsers.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import be.bolwerk.TestUsers;
import be.bolwerk.findings.RegisterWrites;
import be.bolwerk.incident.IncidentFixtures;
import be.bolwerk.incident.IncidentId;
import be.bolwerk.incident.handling.Actor;
import be.bolwerk.organisation.demo.DemoOrganisationIds;
import be.bolwerk.shared.security.CurrentUser;
import be.bolwerk.shared.security.OrganisationRole;
import be.bolwerk.shared.security.Persona;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The lessons page with security: the organisation reads, only the CRT writes (an admin's forged POST is 403), a
 * refused lesson is shown next to its field with what was typed kept, CSRF is required, adopting is the admin's or
 * the CRT's, and another organisation gets 404 on every route.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ReviewWebTests {

    private static final UUID APPELKERKE = DemoOrganisationIds.APPELKERKE.value();
    private static final UUID MUNTHOVE = DemoOrganisationIds.OCMW_MUNTHOVE.value();

    private final MockMvc mvc;
    private final IncidentFixtures fixtures;
    private final JdbcClient jdbc;
    private final String marker = "Lessenweb " + UUID.randomUUID().toString().substring(0, 8);
    private CurrentUser analyst;
    private CurrentUser iso;
    private CurrentUser viewer;
    private CurrentUser stranger;
    private IncidentId incident;

    ReviewWebTests(@Autowired MockMvc mvc, @Autowired IncidentFixtures fixtures, @Autowired JdbcClient jdbc) {
        this.mvc = mvc;
        this.fixtures = fixtures;
        this.jdbc = jdbc;
    }

    @BeforeEach
    void incident() {
        analyst = TestUsers.demo(jdbc, "analist@crt.invalid", Set.of(Persona.CRT_ANALYST), Map.of());
        iso = TestUsers.demo(
                jdbc, "iso@appelkerke.invalid", Set.of(), Map.of(APPELKERKE, OrganisationRole.ORGANISATION_ADMIN));
        viewer =
                TestUsers.demo(jdbc, "lezer@appelkerke.invalid", Set.of(), Map.of(APPELKERKE, OrganisationRole.VIEWER));
        stranger = TestUsers.demo(
                jdbc, "iso@munthove.invalid", Set.of(), Map.of(MUNTHOVE, OrganisationRole.ORGANISATION_ADMIN));
        incident = fixtures.report(APPELKERKE, marker + " phishing", new Actor(iso.id(), "Ilse"), Instant.now())
                .id();
        jdbc.sql("UPDATE incident SET status = 'RECOVERED' WHERE id = :id")
                .param("id", incident.value())
                .update();
    }

    @AfterEach
    void clean() {
        jdbc.sql("DELETE FROM finding WHERE title LIKE :m")
                .param("m", marker + "%")
                .update();
        RegisterWrites.moved(jdbc);
        fixtures.removeMarked(marker);
    }

    @Test
    void theCrtWritesALessonAndTheOrganisationReadsIt() throws Exception {
        mvc.perform(post(path())
                        .with(signedIn(analyst))
                        .with(csrf())
                        .param("title", marker + " MFA op de VPN")
                        .param("detail", "Zonder tweede factor")
                        .param("priority", "CRITICAL"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl(path()));
        mvc.perform(get(path()).with(signedIn(viewer)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(marker + " MFA op de VPN")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("name=\"title\""))));
    }

    @Test
    void aLessonWithoutTitleIsRefusedNextToItsFieldKeepingTheExplanation() throws Exception {
        mvc.perform(post(path())
                        .with(signedIn(analyst))
                        .with(csrf())
                        .param("title", " ")
                        .param("detail", "Uitleg die blijft staan")
                        .param("priority", "HIGH"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Geef de les een korte titel.")))
                .andExpect(content().string(Matchers.containsString("Uitleg die blijft staan")));
        assertThat(lessons()).isZero();
    }

    @Test
    void theOrganisationCannotWriteLessonsNorPostWithoutCsrf() throws Exception {
        mvc.perform(post(path())
                        .with(signedIn(iso))
                        .with(csrf())
                        .param("title", marker + " vervalst")
                        .param("priority", "HIGH"))
                .andExpect(status().isForbidden());
        mvc.perform(post(path() + "/root-cause")
                        .with(signedIn(iso))
                        .with(csrf())
                        .param("rootCause", "x"))
                .andExpect(status().isForbidden());
        mvc.perform(post(path())
                        .with(signedIn(analyst))
                        .param("title", marker + " zonder csrf")
                        .param("priority", "LOW"))
                .andExpect(status().isForbidden());
        assertThat(lessons()).isZero();
    }

    @Test
    void anotherOrganisationGetsNotFoundOnEveryRoute() throws Exception {
        mvc.perform(get(path()).with(signedIn(stranger))).andExpect(status().isNotFound());
        mvc.perform(post(path())
                        .with(signedIn(stranger))
                        .with(csrf())
                        .param("title", "x")
                        .param("priority", "LOW"))
                .andExpect(status().isNotFound());
        mvc.perform(post(path() + "/" + UUID.randomUUID() + "/adopt")
                        .with(signedIn(stranger))
                        .with(csrf()))
                .andExpect(status().isNotFound());
    }

    @Test
    void theAdminAdoptsALessonAndAViewerMayNot() throws Exception {
        mvc.perform(post(path())
                        .with(signedIn(analyst))
                        .with(csrf())
                        .param("title", marker + " Back-ups offline")
                        .param("priority", "HIGH"))
                .andExpect(status().is3xxRedirection());
        UUID lesson = jdbc.sql("SELECT id FROM incident_lesson WHERE incident_id = :id")
                .param("id", incident.value())
                .query(UUID.class)
                .single();
        mvc.perform(post(path() + "/" + lesson + "/adopt")
                        .with(signedIn(viewer))
                        .with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post(path() + "/" + lesson + "/adopt").with(signedIn(iso)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get(path()).with(signedIn(iso)))
                .andExpect(content().string(Matchers.containsString("In het verbeterplan opgenomen door")));
    }

    private String path() {
        return "/incidents/" + incident + "/lessons";
    }

    private long lessons() {
        return jdbc.sql("SELECT COUNT(*) FROM incident_lesson WHERE incident_id = :id")
                .param("id", incident.value())
                .query(Long.class)
                .single();
    }
}
