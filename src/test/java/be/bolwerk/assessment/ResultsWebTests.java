package be.bolwerk.assessment;

import static be.bolwerk.TestUsers.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import be.bolwerk.framework.FrameworkVersionId;
import be.bolwerk.framework.Frameworks;
import be.bolwerk.framework.imports.FrameworkImports;
import be.bolwerk.organisation.OrganisationId;
import be.bolwerk.organisation.PeerGroups;
import be.bolwerk.shared.BelgianTime;
import be.bolwerk.shared.security.CurrentUser;
import be.bolwerk.shared.security.OrganisationRole;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The results page: scores, last year's change and the anonymous peer benchmark, which appears only from
 * five submitted peers on. Runs on a framework version of its own so no other test's submissions count.
 */
@SpringBootTest
@AutoConfigureMockMvc
@RecordApplicationEvents
class ResultsWebTests {

    private static final int THIS_YEAR = BelgianTime.yearOf(Instant.now());

    private final MockMvc mvc;
    private final JdbcClient jdbc;
    private final Frameworks frameworks;
    private final FrameworkImports imports;
    private final PeerGroups peerGroups;

    ResultsWebTests(
            @Autowired MockMvc mvc,
            @Autowired JdbcClient jdbc,
            @Autowired Frameworks frameworks,
            @Autowired FrameworkImports imports,
            @Autowired PeerGroups peerGroups) {
        this.mvc = mvc;
        this.jdbc = jdbc;
        this.frameworks = frameworks;
        this.imports = imports;
        this.peerGroups = peerGroups;
    }

    /** A private copy of the quick scan under a new version, imported the way a programme officer would. */
    private FrameworkVersionId ownFramework() throws Exception {
        return Fixtures.quickscanCopy(frameworks, imports, json -> json);
    }

    private void submittedPeer(UUID organisation, FrameworkVersionId framework, String total) {
        UUID id = Fixtures.storedAssessment(
                jdbc, organisation, framework.value(), THIS_YEAR, "SUBMITTED", new BigDecimal(total), false);
        jdbc.sql("""
                        INSERT INTO assessment_score (organisation_id, assessment_id, area_ref, score)
                        VALUES (:org, :id, 'AD01', :total)
                        """)
                .param("org", organisation)
                .param("id", id)
                .param("total", new BigDecimal(total))
                .update();
    }

    @Test
    void thePeerBenchmarkAppearsFromFivePeersOn() throws Exception {
        FrameworkVersionId framework = ownFramework();
        UUID subject = jdbc.sql("""
                        SELECT id FROM organisation WHERE type = 'MUNICIPALITY' AND inhabitants BETWEEN 10000 AND 29999
                        ORDER BY id LIMIT 1
                        """).query(UUID.class).single();
        List<UUID> peers = peerGroups.of(OrganisationId.of(subject)).peers();
        assertThat(peers).hasSizeGreaterThanOrEqualTo(5);
        CurrentUser admin = Fixtures.person(subject, OrganisationRole.ORGANISATION_ADMIN);
        String results = "/assessments/" + Fixtures.start(mvc, admin, subject, framework, THIS_YEAR) + "/results";

        String[] totals = {"2.0", "2.5", "3.0", "3.5", "4.0"};
        for (int i = 0; i < 4; i++) {
            submittedPeer(peers.get(i), framework, totals[i]);
        }
        mvc.perform(get(results).with(signedIn(admin)))
                .andExpect(status().isOk())
                .andExpect(
                        content().string(containsString("Nog te weinig vergelijkbare besturen hebben ingediend (4;")))
                .andExpect(content().string(not(containsString("Mediaan vergelijkbare besturen"))));

        submittedPeer(peers.get(4), framework, totals[4]);
        mvc.perform(get(results).with(signedIn(admin)))
                .andExpect(status().isOk())
                .andExpect(
                        content()
                                .string(
                                        containsString(
                                                "5 vergelijkbare besturen: mediaan van het totaal 3,00; de middelste helft scoort tussen 2,50 en 3,50")))
                .andExpect(content().string(containsString("Mediaan vergelijkbare besturen")));

        // A peer's draft does not count, nor does another organisation type.
        CurrentUser stranger = Fixtures.stranger();
        mvc.perform(get(results).with(signedIn(stranger))).andExpect(status().isNotFound());
    }

    @Test
    void gapsListKeyMeasuresFirstThenTheLowestScoresAndBecomeActions(ApplicationEvents events) throws Exception {
        FrameworkVersionId framework = ownFramework();
        UUID organisation = jdbc.sql("SELECT id FROM organisation ORDER BY name DESC LIMIT 1")
                .query(UUID.class)
                .single();
        CurrentUser admin = Fixtures.person(organisation, OrganisationRole.ORGANISATION_ADMIN);
        UUID id = Fixtures.start(mvc, admin, organisation, framework, THIS_YEAR);
        // AD01.2 (ordinary) scores 1.0; the key measure AD02.1 is unanswered: it comes first.
        mvc.perform(post("/assessments/{id}/answers/AD01.2", id)
                        .param("documentation", "1")
                        .param("implementation", "1")
                        .with(signedIn(admin))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());

        String page = mvc.perform(get("/assessments/{id}/results", id).with(signedIn(admin)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        int keyMeasure = page.indexOf(">AD02.1<");
        int ordinary = page.indexOf(">AD01.2<");
        assertThat(keyMeasure).isPositive();
        assertThat(ordinary).isGreaterThan(keyMeasure);
        assertThat(page).contains("niet beantwoord", "data-figure-data=");

        // An improvement action on the gap: stored once however often it is sent, announced once.
        for (int click = 0; click < 2; click++) {
            mvc.perform(post("/assessments/{id}/actions", id)
                            .param("controlRef", "AD02.1")
                            .param("title", "Opleiding <phishing> voor alle medewerkers")
                            .param(
                                    "dueDate",
                                    java.time.LocalDate.now().plusMonths(2).toString())
                            .param("priority", "HIGH")
                            .with(signedIn(admin))
                            .with(csrf()))
                    .andExpect(status().is3xxRedirection())
                    .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                            .attribute(
                                    "notice", click == 0 ? "assessment.action.created" : "assessment.action.exists"));
        }
        assertThat(events.stream(ImprovementActionProposed.class)
                        .filter(e -> e.assessmentId().value().equals(id)))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.controlRef()).isEqualTo("AD02.1");
                    assertThat(e.priority()).isEqualTo("HIGH");
                });
        mvc.perform(get("/assessments/{id}/results", id).with(signedIn(admin)))
                .andExpect(content().string(containsString("Opleiding &lt;phishing&gt; voor alle medewerkers")));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE event_type = 'IMPROVEMENT_ACTION_PROPOSED'"
                                + " AND details LIKE :id")
                        .param("id", "%" + id + "%")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        mvc.perform(post("/assessments/{id}/actions", id)
                        .param("controlRef", "AD02.1")
                        .param("title", "")
                        .param("dueDate", "gisteren")
                        .param("priority", "DRINGEND")
                        .with(signedIn(admin))
                        .with(csrf()))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                        .attribute(
                                "problems",
                                List.of(
                                        "assessment.action.titleRequired",
                                        "assessment.action.dueInvalid",
                                        "assessment.action.priorityRequired")));
        CurrentUser member = Fixtures.person(organisation, OrganisationRole.MEMBER);
        mvc.perform(post("/assessments/{id}/actions", id)
                        .param("controlRef", "AD02.1")
                        .param("title", "Iets")
                        .param(
                                "dueDate",
                                java.time.LocalDate.now().plusMonths(2).toString())
                        .param("priority", "LOW")
                        .with(signedIn(member))
                        .with(csrf()))
                .andExpect(status().isForbidden());
    }
}
