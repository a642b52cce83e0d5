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

import be.bolwerk.framework.Framework;
import be.bolwerk.framework.FrameworkNode;
import be.bolwerk.framework.FrameworkSource;
import be.bolwerk.framework.Frameworks;
import be.bolwerk.shared.BelgianTime;
import be.bolwerk.shared.security.CurrentUser;
import be.bolwerk.shared.security.OrganisationRole;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The self-evaluation through its pages: starting (twice is once), answering with autosave that survives a
 * double click and refuses a stale overwrite, the not-applicable rules, who sees and answers which area,
 * submitting and carrying the answers over to the next year.
 */
@SpringBootTest
@AutoConfigureMockMvc
@RecordApplicationEvents
class AssessmentWebTests {

    private static final int THIS_YEAR = BelgianTime.yearOf(Instant.now());

    private final MockMvc mvc;
    private final JdbcClient jdbc;
    private final Frameworks frameworks;

    AssessmentWebTests(@Autowired MockMvc mvc, @Autowired JdbcClient jdbc, @Autowired Frameworks frameworks) {
        this.mvc = mvc;
        this.jdbc = jdbc;
        this.frameworks = frameworks;
    }

    /** A demo organisation that no other test has started an assessment for. */
    private UUID freshOrganisation() {
        return Fixtures.freshOrganisation(jdbc);
    }

    private Framework quickscan() {
        return frameworks.get(frameworks.all().stream()
                .filter(f -> f.code().equals("quickscan-actiedomeinen") && f.source() == FrameworkSource.BUILT_IN)
                .findFirst()
                .orElseThrow()
                .id());
    }

    private static CurrentUser person(UUID id, UUID organisation, OrganisationRole role) {
        return new CurrentUser(
                id, id + "@test.invalid", "Test " + role, null, true, Set.of(), Map.of(organisation, role));
    }

    private UUID start(UUID organisation, CurrentUser admin, int year) throws Exception {
        return Fixtures.start(mvc, admin, organisation, quickscan().id(), year);
    }

    private MockHttpServletRequestBuilder answer(UUID assessment, String ref, CurrentUser who) {
        return post("/assessments/{id}/answers/{ref}", assessment, ref)
                .header("HX-Request", "true")
                .with(signedIn(who))
                .with(csrf());
    }

    private record Stored(Integer documentation, int revision, String comment) {}

    private Stored stored(UUID assessment, String ref) {
        return jdbc.sql("""
                        SELECT documentation, revision, comment FROM assessment_answer
                        WHERE assessment_id = :id AND control_ref = :ref
                        """)
                .param("id", assessment)
                .param("ref", ref)
                .query((rs, row) -> new Stored(
                        rs.getObject("documentation", Integer.class), rs.getInt("revision"), rs.getString("comment")))
                .single();
    }

    @Test
    void startingTwiceOpensTheSameDraft(ApplicationEvents events) throws Exception {
        UUID organisation = freshOrganisation();
        CurrentUser admin = person(UUID.randomUUID(), organisation, OrganisationRole.ORGANISATION_ADMIN);

        UUID first = start(organisation, admin, THIS_YEAR);
        UUID second = start(organisation, admin, THIS_YEAR);

        assertThat(second).isEqualTo(first);
        mvc.perform(get("/assessments/{id}", first).with(signedIn(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("0 van 32 vragen beantwoord")));
        mvc.perform(get("/assessments").with(signedIn(admin)))
                .andExpect(content().string(containsString("Quick scan actiedomeinen 2026.1")));
        assertThat(events.stream(AssessmentStarted.class)
                        .filter(e -> e.id().value().equals(first)))
                .hasSize(1);
    }

    @Test
    void aStartWithAYearFarAwayOrAMissingFrameworkIsExplained() throws Exception {
        UUID organisation = freshOrganisation();
        CurrentUser admin = person(UUID.randomUUID(), organisation, OrganisationRole.ORGANISATION_ADMIN);
        mvc.perform(post("/assessments")
                        .param("organisationId", organisation.toString())
                        .param("frameworkVersionId", quickscan().id().toString())
                        .param("year", "1999")
                        .with(signedIn(admin))
                        .with(csrf()))
                .andExpect(flash().attribute("problem", "assessment.start.invalid"));
        mvc.perform(post("/assessments")
                        .param("organisationId", organisation.toString())
                        .param("year", String.valueOf(THIS_YEAR))
                        .with(signedIn(admin))
                        .with(csrf()))
                .andExpect(flash().attribute("problem", "assessment.start.invalid"));
        CurrentUser member = person(UUID.randomUUID(), organisation, OrganisationRole.MEMBER);
        mvc.perform(post("/assessments")
                        .param("organisationId", organisation.toString())
                        .param("frameworkVersionId", quickscan().id().toString())
                        .param("year", String.valueOf(THIS_YEAR))
                        .with(signedIn(member))
                        .with(csrf()))
                .andExpect(status().isForbidden());
    }

    @Test
    void answersSaveOnceOnADoubleClickAndAStaleOverwriteIsRefused() throws Exception {
        UUID organisation = freshOrganisation();
        CurrentUser admin = person(UUID.randomUUID(), organisation, OrganisationRole.ORGANISATION_ADMIN);
        UUID assessment = start(organisation, admin, THIS_YEAR);

        for (int click = 0; click < 2; click++) {
            mvc.perform(answer(assessment, "AD01.1", admin)
                            .param("documentation", "2")
                            .param("implementation", "3")
                            .param("comment", "Beleid <b>in opmaak</b>"))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("Opgeslagen.")))
                    .andExpect(content().string(containsString("1 van 2 vragen beantwoord")));
        }
        assertThat(stored(assessment, "AD01.1")).isEqualTo(new Stored(2, 1, "Beleid <b>in opmaak</b>"));
        mvc.perform(get("/assessments/{id}/areas/AD01", assessment).with(signedIn(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Beleid &lt;b&gt;in opmaak&lt;/b&gt;")));

        mvc.perform(answer(assessment, "AD01.1", admin)
                        .param("revision", "1")
                        .param("documentation", "4")
                        .param("implementation", "3"))
                .andExpect(content().string(containsString("Opgeslagen.")));
        mvc.perform(answer(assessment, "AD01.1", admin)
                        .param("revision", "1")
                        .param("documentation", "5")
                        .param("implementation", "5"))
                .andExpect(content().string(containsString("een collega wijzigde hetzelfde onderdeel")))
                .andExpect(content().string(containsString("Versie van uw collega")));
        assertThat(stored(assessment, "AD01.1")).isEqualTo(new Stored(4, 2, null));
    }

    @Test
    void notApplicableNeedsAReasonAndNeverAppliesToAKeyMeasure() throws Exception {
        UUID organisation = freshOrganisation();
        CurrentUser admin = person(UUID.randomUUID(), organisation, OrganisationRole.ORGANISATION_ADMIN);
        UUID assessment = start(organisation, admin, THIS_YEAR);
        Framework quickscan = quickscan();
        FrameworkNode key = quickscan.controls().stream()
                .filter(FrameworkNode::keyMeasure)
                .findFirst()
                .orElseThrow();
        FrameworkNode ordinary = quickscan.controls().stream()
                .filter(c -> !c.keyMeasure())
                .findFirst()
                .orElseThrow();

        mvc.perform(answer(assessment, ordinary.ref(), admin).param("notApplicable", "true"))
                .andExpect(content().string(containsString("Geef nog een reden")))
                .andExpect(content().string(containsString("0 van")));
        mvc.perform(answer(assessment, ordinary.ref(), admin)
                        .param("notApplicable", "true")
                        .param("justification", "Wij hebben geen eigen servers"))
                .andExpect(content().string(containsString("Opgeslagen.")))
                .andExpect(content().string(containsString("1 van")));

        mvc.perform(answer(assessment, key.ref(), admin)
                        .param("notApplicable", "true")
                        .param("justification", "Liever niet"))
                .andExpect(content().string(containsString("sleutelmaatregel kan niet")));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM assessment_answer WHERE assessment_id = :id AND control_ref = :ref")
                        .param("id", assessment)
                        .param("ref", key.ref())
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void malformedValuesAreExplainedNotStored() throws Exception {
        UUID organisation = freshOrganisation();
        CurrentUser admin = person(UUID.randomUUID(), organisation, OrganisationRole.ORGANISATION_ADMIN);
        UUID assessment = start(organisation, admin, THIS_YEAR);

        for (String bad : new String[] {"7", "-1", "drie", "2.5"}) {
            mvc.perform(answer(assessment, "AD01.1", admin).param("documentation", bad))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("een getal van 0 tot 5")));
        }
        mvc.perform(answer(assessment, "AD01.1", admin).param("comment", "x".repeat(4001)))
                .andExpect(content().string(containsString("langer dan 4000 tekens")));
        mvc.perform(answer(assessment, "GEEN.1", admin).param("documentation", "1"))
                .andExpect(status().isNotFound());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM assessment_answer WHERE assessment_id = :id")
                        .param("id", assessment)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void colleaguesSeeTheOverviewAndAnswerOnlyTheirAreas() throws Exception {
        UUID organisation = freshOrganisation();
        CurrentUser admin = person(UUID.randomUUID(), organisation, OrganisationRole.ORGANISATION_ADMIN);
        UUID assessment = start(organisation, admin, THIS_YEAR);
        UUID colleagueId = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO user_account (id, email, display_name, password_hash, enabled, created_at, version)
                        VALUES (:id, :email, 'Collega Cas', '{noop}x', TRUE, CURRENT_TIMESTAMP, 0)
                        """)
                .param("id", colleagueId)
                .param("email", colleagueId + "@test.invalid")
                .update();
        jdbc.sql("""
                        INSERT INTO membership (organisation_id, user_account_id, role, created_at)
                        VALUES (:org, :id, 'MEMBER', CURRENT_TIMESTAMP)
                        """).param("org", organisation).param("id", colleagueId).update();
        CurrentUser colleague = person(colleagueId, organisation, OrganisationRole.MEMBER);
        CurrentUser viewer = person(UUID.randomUUID(), organisation, OrganisationRole.VIEWER);

        mvc.perform(post("/assessments/{id}/assignments", assessment)
                        .param("areaRef", "AD02")
                        .param("accountId", colleagueId.toString())
                        .with(signedIn(admin))
                        .with(csrf()))
                .andExpect(flash().attribute("notice", "assessment.assign.saved"));
        mvc.perform(post("/assessments/{id}/assignments", assessment)
                        .param("areaRef", "AD03")
                        .param("accountId", UUID.randomUUID().toString())
                        .with(signedIn(admin))
                        .with(csrf()))
                .andExpect(flash().attribute("problem", "assessment.assign.notAMember"));

        mvc.perform(get("/assessments/{id}", assessment).with(signedIn(colleague)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Collega Cas")));
        mvc.perform(get("/assessments/{id}/areas/AD02", assessment).with(signedIn(colleague)))
                .andExpect(status().isOk());
        mvc.perform(answer(assessment, "AD02.1", colleague)
                        .param("documentation", "1")
                        .param("implementation", "1"))
                .andExpect(content().string(containsString("Opgeslagen.")));
        mvc.perform(get("/assessments/{id}/areas/AD01", assessment).with(signedIn(colleague)))
                .andExpect(status().isNotFound());
        mvc.perform(answer(assessment, "AD01.1", colleague).param("documentation", "1"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/assessments/{id}/assignments", assessment)
                        .param("areaRef", "AD01")
                        .param("accountId", colleagueId.toString())
                        .with(signedIn(colleague))
                        .with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/assessments/{id}/submit", assessment)
                        .param("confirmed", "true")
                        .with(signedIn(colleague))
                        .with(csrf()))
                .andExpect(status().isForbidden());

        mvc.perform(get("/assessments/{id}", assessment).with(signedIn(viewer))).andExpect(status().isOk());
        // A viewer reads every area (issue 10) but answers none.
        mvc.perform(get("/assessments/{id}/areas/AD02", assessment).with(signedIn(viewer)))
                .andExpect(status().isOk());
        mvc.perform(answer(assessment, "AD02.1", viewer).param("documentation", "2"))
                .andExpect(status().isForbidden());

        CurrentUser stranger = person(UUID.randomUUID(), UUID.randomUUID(), OrganisationRole.ORGANISATION_ADMIN);
        mvc.perform(get("/assessments/{id}", assessment).with(signedIn(stranger)))
                .andExpect(status().isNotFound());
    }

    @Test
    void submittingNeedsEveryAnswerLocksTheAnswersAndNextYearStartsFromThem(ApplicationEvents events) throws Exception {
        UUID organisation = freshOrganisation();
        CurrentUser admin = person(UUID.randomUUID(), organisation, OrganisationRole.ORGANISATION_ADMIN);
        UUID assessment = start(organisation, admin, THIS_YEAR - 1);
        Framework quickscan = quickscan();

        mvc.perform(post("/assessments/{id}/submit", assessment)
                        .param("confirmed", "true")
                        .with(signedIn(admin))
                        .with(csrf()))
                .andExpect(flash().attribute("problem", "assessment.submit.incomplete"));

        for (FrameworkNode control : quickscan.controls()) {
            mvc.perform(answer(assessment, control.ref(), admin)
                            .param("documentation", "3")
                            .param("implementation", "4"))
                    .andExpect(content().string(containsString("Opgeslagen.")));
        }
        mvc.perform(post("/assessments/{id}/submit", assessment)
                        .with(signedIn(admin))
                        .with(csrf()))
                .andExpect(flash().attribute("problem", "users.confirmFirst"));
        mvc.perform(post("/assessments/{id}/submit", assessment)
                        .param("confirmed", "true")
                        .with(signedIn(admin))
                        .with(csrf()))
                .andExpect(flash().attribute("notice", "assessment.submit.done"));

        assertThat(jdbc.sql("SELECT status FROM assessment WHERE id = :id")
                        .param("id", assessment)
                        .query(String.class)
                        .single())
                .isEqualTo("SUBMITTED");
        assertThat(events.stream(AssessmentSubmitted.class)
                        .filter(e -> e.id().value().equals(assessment)))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.total()).isEqualByComparingTo("3.5");
                    assertThat(e.targetReached()).isTrue();
                });
        mvc.perform(answer(assessment, "AD01.1", admin)
                        .param("documentation", "1")
                        .param("implementation", "1"))
                .andExpect(content().string(containsString("al ingediend")));

        UUID nextYear = start(organisation, admin, THIS_YEAR);
        assertThat(nextYear).isNotEqualTo(assessment);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM assessment_answer WHERE assessment_id = :id")
                        .param("id", nextYear)
                        .query(Long.class)
                        .single())
                .isEqualTo(quickscan.controls().size());
        mvc.perform(get("/assessments/{id}", nextYear).with(signedIn(admin)))
                .andExpect(content()
                        .string(containsString(quickscan.controls().size() + " van "
                                + quickscan.controls().size() + " vragen beantwoord")));
    }
}
