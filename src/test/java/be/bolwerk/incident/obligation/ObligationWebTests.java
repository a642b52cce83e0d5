package be.bolwerk.incident.obligation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import be.bolwerk.TestUsers;
import be.bolwerk.campaign.MovableClock;
import be.bolwerk.incident.Answer;
import be.bolwerk.incident.IncidentFixtures;
import be.bolwerk.incident.handling.Actor;
import be.bolwerk.incident.handling.Incident;
import be.bolwerk.organisation.demo.DemoOrganisationIds;
import be.bolwerk.shared.security.CurrentUser;
import be.bolwerk.shared.security.OrganisationRole;
import be.bolwerk.shared.security.Persona;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The obligations pages over HTTP: who may read and record, 404 for another organisation's incident, a late
 * submission without a reason refused next to its field with what was typed kept, the breach register per
 * organisation, and the breach authorities for the programme only.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(MovableClock.Configuration.class)
class ObligationWebTests {

    private static final UUID APPELKERKE = DemoOrganisationIds.APPELKERKE.value();

    private final MockMvc mvc;
    private final Obligations obligations;
    private final IncidentFixtures fixtures;
    private final MovableClock clock;
    private final JdbcClient jdbc;
    private final String marker = "Webplicht " + UUID.randomUUID().toString().substring(0, 8);
    private final CurrentUser analyst = TestUsers.persona(Persona.CRT_ANALYST);

    ObligationWebTests(
            @Autowired MockMvc mvc,
            @Autowired Obligations obligations,
            @Autowired IncidentFixtures fixtures,
            @Autowired MovableClock clock,
            @Autowired JdbcClient jdbc) {
        this.mvc = mvc;
        this.obligations = obligations;
        this.fixtures = fixtures;
        this.clock = clock;
        this.jdbc = jdbc;
    }

    @AfterEach
    void clean() {
        clock.reset();
        jdbc.sql("UPDATE breach_authority SET authority = 'VTC' WHERE organisation_type = 'SOCIAL_WELFARE_CENTRE'")
                .update();
        fixtures.removeMarked(marker);
    }

    private Incident breach(Duration knownAgo) {
        Incident incident =
                fixtures.report(APPELKERKE, marker + " datalek", new Actor(UUID.randomUUID(), "Ilse"), clock.instant());
        Instant known = clock.instant().minus(knownAgo);
        obligations.changeFacts(
                incident.id(),
                new IncidentFacts.Values(
                        known, null, known, null, null, Answer.YES, Answer.UNKNOWN, "Lek van " + marker),
                analyst);
        return incident;
    }

    private UUID notification(Incident incident) {
        return obligations.view(incident.id(), analyst).obligations().stream()
                .filter(o -> o.kind() == ObligationKind.GDPR_NOTIFICATION)
                .findFirst()
                .orElseThrow()
                .id();
    }

    @Test
    void everyoneOfTheOrganisationReadsTheObligationsWithTheCountdownAndAnotherOrganisationGets404() throws Exception {
        Incident incident = breach(Duration.ofMinutes(40));
        String page = "/incidents/" + incident.id().value() + "/obligations";

        String html = mvc.perform(
                        get(page).with(TestUsers.signedIn(TestUsers.member(APPELKERKE, OrganisationRole.VIEWER))))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(html)
                .contains("Vlaamse Toezichtcommissie")
                .contains("nog 2 d 23 u")
                .contains("data-due=")
                .doesNotContain("Indiening opslaan");

        mvc.perform(get(page)
                        .with(TestUsers.signedIn(TestUsers.member(
                                DemoOrganisationIds.OCMW_MUNTHOVE.value(), OrganisationRole.ORGANISATION_ADMIN))))
                .andExpect(status().isNotFound())
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(marker))));
    }

    @Test
    void membersAndViewersMayNotRecordButTheOrganisationsAdminMay() throws Exception {
        Incident incident = breach(Duration.ofMinutes(40));
        String submission =
                "/incidents/" + incident.id().value() + "/obligations/" + notification(incident) + "/submission";
        String when = FactsFormTime.now(clock);

        mvc.perform(post(submission)
                        .with(TestUsers.signedIn(TestUsers.member(APPELKERKE, OrganisationRole.MEMBER)))
                        .with(csrf())
                        .param("submittedAt", when)
                        .param("channel", "e-loket"))
                .andExpect(status().isForbidden());

        mvc.perform(post(submission)
                        .with(TestUsers.signedIn(TestUsers.member(APPELKERKE, OrganisationRole.ORGANISATION_ADMIN)))
                        .with(csrf())
                        .param("submittedAt", when)
                        .param("channel", "e-loket VTC")
                        .param("externalReference", "VTC-77"))
                .andExpect(status().is3xxRedirection());

        assertThat(obligations.view(incident.id(), analyst).obligations().stream()
                        .filter(o -> o.kind() == ObligationKind.GDPR_NOTIFICATION)
                        .findFirst()
                        .orElseThrow()
                        .state())
                .isEqualTo(ObligationState.SUBMITTED);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM mail_outbox WHERE recipient = 'iso@appelkerke.invalid'"
                                + " AND subject = :s")
                        .param("s", "Meldplicht vastgelegd voor incident " + incident.reference())
                        .query(Long.class)
                        .single())
                .as("the organisation's admin hears that it was recorded")
                .isEqualTo(1);
    }

    @Test
    void aLateSubmissionWithoutAReasonIsRefusedNextToTheFieldWithWhatWasTypedKept() throws Exception {
        Incident incident = breach(Duration.ofHours(80));
        String submission =
                "/incidents/" + incident.id().value() + "/obligations/" + notification(incident) + "/submission";

        String html = mvc.perform(post(submission)
                        .with(TestUsers.signedIn(analyst))
                        .with(csrf())
                        .param("submittedAt", FactsFormTime.now(clock))
                        .param("channel", "Aangetekende brief 4711"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(html)
                .contains("geef de reden van de vertraging")
                .contains("Aangetekende brief 4711")
                .contains("aria-invalid=\"true\"");
        assertThat(obligations.view(incident.id(), analyst).obligations().stream()
                        .filter(o -> o.kind() == ObligationKind.GDPR_NOTIFICATION)
                        .findFirst()
                        .orElseThrow()
                        .state())
                .isEqualTo(ObligationState.PENDING);
    }

    @Test
    void aBreachWithoutTheMomentItWasKnownIsRefusedOnTheFactsForm() throws Exception {
        Incident incident =
                fixtures.report(APPELKERKE, marker + " feiten", new Actor(UUID.randomUUID(), "Ilse"), clock.instant());

        String html = mvc.perform(post("/incidents/" + incident.id().value() + "/obligations/facts")
                        .with(TestUsers.signedIn(analyst))
                        .with(csrf())
                        .param("personalDataBreach", "YES")
                        .param("significant", "UNKNOWN")
                        .param("breachReason", "Mogelijk lek " + marker))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(html).contains("daar lopen de 72 uur vanaf").contains("Mogelijk lek " + marker);
        mvc.perform(post("/incidents/" + incident.id().value() + "/obligations/facts")
                        .with(TestUsers.signedIn(analyst))
                        .with(csrf())
                        .param("personalDataKnownAt", "gisteren"))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Vul een geldig tijdstip in")));
    }

    @Test
    void theBreachRegisterShowsTheOwnOrganisationsBreachesAndTheCrtFiltersByOrganisation() throws Exception {
        Incident incident = breach(Duration.ofMinutes(10));

        mvc.perform(get("/incidents/breach-register")
                        .with(TestUsers.signedIn(TestUsers.member(APPELKERKE, OrganisationRole.VIEWER))))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString(incident.reference())));
        mvc.perform(get("/incidents/breach-register")
                        .with(TestUsers.signedIn(TestUsers.member(
                                DemoOrganisationIds.OCMW_MUNTHOVE.value(), OrganisationRole.ORGANISATION_ADMIN))))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(incident.reference()))));
        mvc.perform(get("/incidents/breach-register")
                        .param("organisation", DemoOrganisationIds.OCMW_MUNTHOVE.toString())
                        .with(TestUsers.signedIn(analyst)))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(incident.reference()))));
        mvc.perform(get("/incidents/breach-register/export.xlsx").with(TestUsers.signedIn(analyst)))
                .andExpect(status().isOk());
    }

    @Test
    void onlyTheProgrammeSetsTheBreachAuthorities() throws Exception {
        mvc.perform(get("/incidents/authorities")
                        .with(TestUsers.signedIn(TestUsers.member(APPELKERKE, OrganisationRole.ORGANISATION_ADMIN))))
                .andExpect(status().isForbidden());
        mvc.perform(post("/incidents/authorities")
                        .with(TestUsers.signedIn(analyst))
                        .with(csrf())
                        .param("type", "SOCIAL_WELFARE_CENTRE")
                        .param("authority", "GBA"))
                .andExpect(status().isForbidden());

        CurrentUser officer = TestUsers.programmeOfficer();
        mvc.perform(get("/incidents/authorities").with(TestUsers.signedIn(officer)))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Vlaamse Toezichtcommissie")));
        mvc.perform(post("/incidents/authorities")
                        .with(TestUsers.signedIn(officer))
                        .with(csrf())
                        .param("type", "SOCIAL_WELFARE_CENTRE")
                        .param("authority", "CCB"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/incidents/authorities")
                        .with(TestUsers.signedIn(officer))
                        .with(csrf())
                        .param("type", "SOCIAL_WELFARE_CENTRE")
                        .param("authority", "GBA"))
                .andExpect(status().is3xxRedirection());

        assertThat(jdbc.sql("SELECT authority FROM breach_authority WHERE organisation_type = 'SOCIAL_WELFARE_CENTRE'")
                        .query(String.class)
                        .single())
                .isEqualTo("GBA");
    }

    /** What a datetime-local input sends for the clock's present, in Brussels time. */
    private static final class FactsFormTime {
        static String now(MovableClock clock) {
            return java.time.LocalDateTime.ofInstant(clock.instant(), be.bolwerk.shared.BelgianTime.ZONE)
                    .withSecond(0)
                    .withNano(0)
                    .toString();
        }
    }
}
