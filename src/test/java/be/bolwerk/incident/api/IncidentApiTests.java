package be.bolwerk.incident.api;

import static be.bolwerk.TestUsers.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import be.bolwerk.TestUsers;
import be.bolwerk.incident.IncidentFixtures;
import be.bolwerk.organisation.demo.DemoOrganisationIds;
import be.bolwerk.shared.security.CurrentUser;
import be.bolwerk.shared.security.OrganisationRole;
import be.bolwerk.shared.security.Persona;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The incident API: a report needs a UUID as Idempotency-Key (else 400 problem+json), answers 201 with Location and
 * reference, and the same key again 200 with the same incident; a broken body is a 400 that stores nothing; the
 * caller reads their own organisation's incidents, never another's (404), and a viewer may report too.
 */
@SpringBootTest
@AutoConfigureMockMvc
class IncidentApiTests {

    private static final UUID APPELKERKE = DemoOrganisationIds.APPELKERKE.value();
    private static final UUID MUNTHOVE = DemoOrganisationIds.OCMW_MUNTHOVE.value();

    private final MockMvc mvc;
    private final JdbcClient jdbc;
    private final IncidentFixtures fixtures;
    private final Clock clock;
    private final String marker = "Apimelding " + UUID.randomUUID().toString().substring(0, 8);
    private final CurrentUser viewer = TestUsers.member(APPELKERKE, OrganisationRole.VIEWER);

    IncidentApiTests(
            @Autowired MockMvc mvc,
            @Autowired JdbcClient jdbc,
            @Autowired IncidentFixtures fixtures,
            @Autowired Clock clock) {
        this.mvc = mvc;
        this.jdbc = jdbc;
        this.fixtures = fixtures;
        this.clock = clock;
    }

    @AfterEach
    void clean() {
        for (String reference : jdbc.sql("SELECT reference FROM incident WHERE what_happened LIKE :m")
                .param("m", marker + "%")
                .query(String.class)
                .list()) {
            jdbc.sql("DELETE FROM mail_outbox WHERE subject LIKE :s")
                    .param("s", "%" + reference + "%")
                    .update();
        }
        fixtures.removeMarked(marker);
    }

    @Test
    void aReportIsCreatedOnceUnderItsIdempotencyKey() throws Exception {
        String key = UUID.randomUUID().toString();
        String location = mvc.perform(report(APPELKERKE).header("Idempotency-Key", key))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", org.hamcrest.Matchers.startsWith("/api/v1/incidents/")))
                .andExpect(jsonPath("$.reference").value(org.hamcrest.Matchers.matchesPattern("INC-[0-9A-F]{8}")))
                .andExpect(jsonPath("$.channel").value("API"))
                .andExpect(jsonPath("$.report.ongoing").value("YES"))
                .andReturn()
                .getResponse()
                .getHeader("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);

        mvc.perform(report(APPELKERKE).header("Idempotency-Key", key))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(id));
        assertThat(stored()).isEqualTo(1);
        mvc.perform(get(location).with(signedIn(viewer)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.report.whatHappened").value(marker + " API"));
        String list = mvc.perform(get("/api/v1/incidents").with(signedIn(viewer)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(list).contains(id);
    }

    @Test
    void withoutAUuidAsIdempotencyKeyTheReportIsRefusedAsAProblem() throws Exception {
        mvc.perform(report(APPELKERKE))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(report(APPELKERKE).header("Idempotency-Key", "niet-een-uuid"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        mvc.perform(post("/api/v1/incidents")
                        .with(signedIn(viewer))
                        .with(csrf())
                        .header("Idempotency-Key", UUID.randomUUID().toString())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"organisationId\":\"" + APPELKERKE + "\",\"whatHappened\":\"\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        assertThat(stored()).isZero();
    }

    @Test
    void anotherOrganisationIsRefusedAndItsIncidentsAreNotFound() throws Exception {
        mvc.perform(report(MUNTHOVE).header("Idempotency-Key", UUID.randomUUID().toString()))
                .andExpect(status().isForbidden());
        var theirs = fixtures.report(
                MUNTHOVE,
                marker + " Munthove",
                new be.bolwerk.incident.handling.Actor(UUID.randomUUID(), "X"),
                clock.instant());
        mvc.perform(get("/api/v1/incidents/" + theirs.id()).with(signedIn(viewer)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/incidents/" + theirs.id()).with(signedIn(TestUsers.persona(Persona.CRT_ANALYST))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.reference").value(theirs.reference()));
        mvc.perform(get("/api/v1/incidents").with(signedIn(TestUsers.programmeOfficer())))
                .andExpect(status().isForbidden());
        assertThat(stored()).isEqualTo(1);
    }

    private MockHttpServletRequestBuilder report(UUID organisation) {
        String noticed = clock.instant().minus(Duration.ofHours(1)).toString();
        return post("/api/v1/incidents")
                .with(signedIn(viewer))
                .with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"organisationId": "%s", "whatHappened": "%s API", "noticedAt": "%s",
                         "ongoing": "YES", "personalData": "UNKNOWN", "citizensAffected": "NO",
                         "callbackPhone": "+32 50 12 34 56", "ransomware": false}
                        """.formatted(organisation, marker, noticed));
    }

    private long stored() {
        return jdbc.sql("SELECT COUNT(*) FROM incident WHERE what_happened LIKE :m")
                .param("m", marker + "%")
                .query(Long.class)
                .single();
    }
}
