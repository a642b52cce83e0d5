package be.bolwerk.incident.web;

import static be.bolwerk.TestUsers.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import be.bolwerk.TestUsers;
import be.bolwerk.incident.IncidentFixtures;
import be.bolwerk.incident.handling.Actor;
import be.bolwerk.incident.handling.Incident;
import be.bolwerk.incident.intake.IncidentProperties;
import be.bolwerk.organisation.demo.DemoOrganisationIds;
import be.bolwerk.shared.BelgianTime;
import be.bolwerk.shared.security.CurrentUser;
import be.bolwerk.shared.security.OrganisationRole;
import be.bolwerk.shared.security.Persona;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The intake pages with security: a refused report comes back with the refusal next to its field and everything
 * typed kept; a sent one is answered with its acknowledgement and reference, sending it again answers the same
 * incident, and someone else's key answers nothing of it; another organisation's incident is a 404; the queue and the phone report are the CRT's; the emergency
 * page is open to anyone and creates no session.
 */
@SpringBootTest
@AutoConfigureMockMvc
class IncidentWebTests {

    private static final UUID APPELKERKE = DemoOrganisationIds.APPELKERKE.value();
    private static final UUID MUNTHOVE = DemoOrganisationIds.OCMW_MUNTHOVE.value();
    private static final DateTimeFormatter FIELD = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private final MockMvc mvc;
    private final JdbcClient jdbc;
    private final IncidentFixtures fixtures;
    private final Clock clock;
    private final String marker = "Webmelding " + UUID.randomUUID().toString().substring(0, 8);
    private final CurrentUser member = TestUsers.member(APPELKERKE, OrganisationRole.MEMBER);
    private final CurrentUser analyst = TestUsers.persona(Persona.CRT_ANALYST);

    IncidentWebTests(
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
    void theFormOffersAFreshKeyAndNoticedNow() throws Exception {
        String page = body(mvc.perform(get("/incidents/new").with(signedIn(member)))
                .andExpect(status().isOk())
                .andReturn());
        assertThat(page)
                .contains("name=\"submissionKey\"")
                .contains("Melding voor Gemeente Appelkerke")
                .contains("value=\""
                        + FIELD.format(clock.instant().atZone(BelgianTime.ZONE)).substring(0, 13));
    }

    @Test
    void aRefusedReportShowsWhyNextToTheFieldAndKeepsWhatWasTyped() throws Exception {
        String page = body(mvc.perform(filled(post("/incidents/new"), UUID.randomUUID(), "", null)
                        .param("organisationId", APPELKERKE.toString())
                        .with(signedIn(member))
                        .param("affectedSystems", marker + " mailserver"))
                .andExpect(status().isOk())
                .andReturn());
        assertThat(page)
                .contains("id=\"whatHappened-error\"")
                .contains("id=\"callbackPhone-error\"")
                .contains(marker + " mailserver")
                .contains("bel mij");

        String future = FIELD.format(clock.instant().plus(Duration.ofDays(2)).atZone(BelgianTime.ZONE));
        String refused = body(mvc.perform(report(UUID.randomUUID(), future))
                .andExpect(status().isOk())
                .andReturn());
        assertThat(refused)
                .contains("id=\"noticedAt-error\"")
                .contains("ligt in de toekomst")
                .contains(marker + " versleuteld");

        String impossible = body(mvc.perform(report(UUID.randomUUID(), "2026-02-31T10:00"))
                .andExpect(status().isOk())
                .andReturn());
        assertThat(impossible).contains("id=\"noticedAt-error\"").contains("2026-02-31T10:00");
        assertThat(stored()).isZero();
    }

    @Test
    void aMalformedKeyComesBackAsAnErrorAndTheTextAsItWasTyped() throws Exception {
        String typed = "  " + marker + " met spaties eromheen  ";
        String page = body(mvc.perform(post("/incidents/new")
                        .with(csrf())
                        .with(signedIn(member))
                        .param("organisationId", APPELKERKE.toString())
                        .param("submissionKey", "geen-sleutel")
                        .param("whatHappened", typed)
                        .param("noticedAt", "2026-12-01T09:30")
                        .param("ongoing", "NO")
                        .param("personalData", "UNKNOWN")
                        .param("citizensAffected", "NO")
                        .param("callbackPhone", "+32 50 12 34 56"))
                .andExpect(status().isOk())
                .andReturn());

        // A key no form makes (a hidden field, so a crafted request) is a binding error, never a 500.
        assertThat(page).contains("Het formulier bevat fouten.").contains(">" + typed + "</textarea>");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM incident WHERE what_happened LIKE :m")
                        .param("m", "%" + marker + "%")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void aSentReportIsAnsweredWithItsAcknowledgementAndSendingItAgainWithTheSameIncident() throws Exception {
        UUID key = UUID.randomUUID();
        String first = body(mvc.perform(report(key)).andExpect(status().isOk()).andReturn());
        String again = body(mvc.perform(report(key)).andExpect(status().isOk()).andReturn());

        assertThat(stored()).isEqualTo(1);
        Map<String, Object> row = jdbc.sql("SELECT id, reference FROM incident WHERE submission_key = :k")
                .param("k", key)
                .query()
                .singleRow();
        String overview = "/incidents/" + row.get("id");
        // The acknowledgement: the reference, who calls back and the hotline, not the report itself; its own
        // address for the language links and the address bar (ADR 0048).
        for (String answer : List.of(first, again)) {
            assertThat(answer)
                    .contains("Uw melding is ontvangen. Uw referentie is " + row.get("reference"))
                    .contains("Het CRT belt u terug op +32 50 12 34 56")
                    .contains("data-address=\"" + overview + "/received\"")
                    .contains("href=\"" + overview + "/received?lang=en\"")
                    .contains("href=\"" + overview + "\"")
                    .doesNotContain(marker);
        }
        assertThat(mailsToTheAdmin(row.get("reference"))).isEqualTo(1);
        // The menu marks the item of the acknowledgement's own address, not the form's.
        assertThat(first)
                .contains("href=\"/incidents\" aria-current=\"page\"")
                .doesNotContain("href=\"/incidents/new\" aria-current=\"page\"");
        String received = body(mvc.perform(get(overview + "/received").with(signedIn(member)))
                .andExpect(status().isOk())
                .andReturn());
        assertThat(received)
                .contains("Uw melding is ontvangen. Uw referentie is " + row.get("reference"))
                .doesNotContain(marker);
        assertThat(body(mvc.perform(get(overview).with(signedIn(member)))
                        .andExpect(status().isOk())
                        .andReturn()))
                .contains(marker + " versleuteld")
                .contains("Is er een losgeldbericht?")
                .contains("PV-2026-123");
    }

    @Test
    void someoneElsesKeyAnswersTheFormWithTheRefusalAndNothingOfTheirIncident() throws Exception {
        UUID key = UUID.randomUUID();
        mvc.perform(report(key)).andExpect(status().isOk());
        String reference = jdbc.sql("SELECT reference FROM incident WHERE submission_key = :k")
                .param("k", key)
                .query(String.class)
                .single();
        CurrentUser colleague = TestUsers.member(APPELKERKE, OrganisationRole.MEMBER);

        String answer = body(mvc.perform(filled(post("/incidents/new"), key, marker + " van een collega", null)
                        .param("organisationId", APPELKERKE.toString())
                        .with(signedIn(colleague)))
                .andExpect(status().isOk())
                .andReturn());

        assertThat(answer)
                .contains("Deze melding werd al verstuurd door iemand anders.")
                .contains(marker + " van een collega")
                .doesNotContain(reference)
                .doesNotContain("data-address");
        assertThat(stored()).isEqualTo(1);
    }

    @Test
    void anotherOrganisationsIncidentIsNotFound() throws Exception {
        Incident theirs =
                fixtures.report(MUNTHOVE, marker + " Munthove", new Actor(UUID.randomUUID(), "X"), clock.instant());

        mvc.perform(get("/incidents/" + theirs.id()).with(signedIn(member))).andExpect(status().isNotFound());
        mvc.perform(get("/incidents/" + theirs.id() + "/received").with(signedIn(member)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/incidents/" + theirs.id()).with(signedIn(member)))
                .andExpect(status().isNotFound());
        assertThat(body(mvc.perform(get("/incidents").with(signedIn(member))).andReturn()))
                .doesNotContain(theirs.reference());
        mvc.perform(get("/incidents/" + theirs.id()).with(signedIn(analyst))).andExpect(status().isOk());
    }

    @Test
    void theQueueAndThePhoneReportAreTheCrts() throws Exception {
        Incident theirs =
                fixtures.report(MUNTHOVE, marker + " wachtrij", new Actor(UUID.randomUUID(), "X"), clock.instant());
        jdbc.sql("UPDATE incident SET reported_at = :at WHERE id = :id")
                .param("at", clock.instant().minus(Duration.ofHours(2)).atOffset(java.time.ZoneOffset.UTC))
                .param("id", theirs.id().value())
                .update();

        String queue = body(mvc.perform(get("/incidents").with(signedIn(analyst)))
                .andExpect(status().isOk())
                .andReturn());
        assertThat(queue)
                .contains("Wachtrij van het CRT")
                .contains(theirs.reference())
                .contains("OCMW Munthove")
                .contains("eerste reactie te laat")
                .contains("hx-trigger=\"every 15s\"");
        mvc.perform(get("/incidents/phone").with(signedIn(analyst))).andExpect(status().isOk());

        CurrentUser officer = TestUsers.programmeOfficer();
        mvc.perform(get("/incidents").with(signedIn(officer))).andExpect(status().isForbidden());
        mvc.perform(get("/incidents/" + theirs.id()).with(signedIn(officer))).andExpect(status().isNotFound());
        mvc.perform(get("/incidents/phone").with(signedIn(member))).andExpect(status().isForbidden());
        mvc.perform(post("/incidents/phone").with(signedIn(member)).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/incidents/new").with(signedIn(analyst))).andExpect(status().isForbidden());
    }

    @Test
    void anAnalystRecordsACallForTheOrganisationThatCalled() throws Exception {
        String location = mvc.perform(phone(UUID.randomUUID()).param("callerName", "Jan Beller"))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        String overview =
                body(mvc.perform(get(location).with(signedIn(analyst))).andReturn());
        assertThat(overview).contains("Jan Beller").contains("Telefonisch, genoteerd door het CRT");

        String refused = body(mvc.perform(phone(UUID.randomUUID()).param("callerName", ""))
                .andExpect(status().isOk())
                .andReturn());
        assertThat(refused).contains("id=\"callerName-error\"").contains(marker + " versleuteld");
    }

    @Test
    void theEmergencyPageIsOpenToAnyoneAndCreatesNoSession() throws Exception {
        MvcResult result =
                mvc.perform(get("/noodnummer")).andExpect(status().isOk()).andReturn();

        assertThat(body(result)).contains("tel:+3220000000").contains("haal ze van het netwerk");
        assertThat(result.getRequest().getSession(false)).as("no session").isNull();
        assertThat(result.getResponse().getHeaders("Set-Cookie")).isEmpty();
        // Rendered from settings and messages only: nothing that reaches the database.
        assertThat(Arrays.stream(EmergencyController.class.getDeclaredConstructors())
                        .flatMap(c -> Arrays.stream(c.getParameterTypes())))
                .containsExactly(IncidentProperties.class);
        assertThat(body(mvc.perform(get("/login")).andReturn())).contains("href=\"/noodnummer\"");
    }

    private MockHttpServletRequestBuilder report(UUID key) {
        return report(key, null);
    }

    private MockHttpServletRequestBuilder report(UUID key, String noticedAt) {
        return filled(post("/incidents/new"), key, marker + " versleuteld", noticedAt)
                .param("organisationId", APPELKERKE.toString())
                .with(signedIn(member));
    }

    private MockHttpServletRequestBuilder phone(UUID key) {
        return filled(post("/incidents/phone"), key, marker + " versleuteld", null)
                .param("organisationId", MUNTHOVE.toString())
                .with(signedIn(analyst));
    }

    private MockHttpServletRequestBuilder filled(
            MockHttpServletRequestBuilder request, UUID key, String what, String noticedAt) {
        String noticed = noticedAt != null
                ? noticedAt
                : FIELD.format(clock.instant().minus(Duration.ofHours(1)).atZone(BelgianTime.ZONE));
        return request.with(csrf())
                .param("submissionKey", key.toString())
                .param("whatHappened", what)
                .param("noticedAt", noticed)
                .param("ongoing", "NO")
                .param("personalData", "UNKNOWN")
                .param("citizensAffected", "NO")
                .param("callbackPhone", what.isEmpty() ? "bel mij" : "+32 50 12 34 56")
                .param("ransomware", "true")
                .param("ransomNote", "YES")
                .param("policeComplaintNumber", "PV-2026-123");
    }

    private long stored() {
        return jdbc.sql("SELECT COUNT(*) FROM incident WHERE what_happened LIKE :m")
                .param("m", marker + "%")
                .query(Long.class)
                .single();
    }

    /** Mails about the incident to the organisation's admin: one however often the form was sent. */
    private long mailsToTheAdmin(Object reference) {
        return jdbc.sql("SELECT COUNT(*) FROM mail_outbox WHERE subject LIKE :s AND recipient = :r")
                .param("s", "%" + reference + "%")
                .param("r", "iso@appelkerke.invalid")
                .query(Long.class)
                .single();
    }

    private static String body(MvcResult result) throws Exception {
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}
