package be.bolwerk.incident.support;

import static be.bolwerk.TestUsers.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import be.bolwerk.TestUsers;
import be.bolwerk.funding.BudgetLineId;
import be.bolwerk.funding.Funding;
import be.bolwerk.funding.FundingFixtures;
import be.bolwerk.incident.IncidentFixtures;
import be.bolwerk.incident.IncidentId;
import be.bolwerk.incident.handling.Actor;
import be.bolwerk.organisation.demo.DemoOrganisationIds;
import be.bolwerk.shared.security.CurrentUser;
import be.bolwerk.shared.security.OrganisationRole;
import be.bolwerk.shared.security.Persona;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
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
 * The emergency-support pages with security: a refused amount is shown next to its field with everything typed
 * kept; a member who is no admin cannot ask (403); the CRT's advice without reasoning is refused at its request;
 * the programme's pages are for the programme office and the CRT only (403 for an organisation admin, 404 for
 * a request id it guesses), deciding is the programme officer's only; CSRF is required.
 */
@SpringBootTest
@AutoConfigureMockMvc
class SupportWebTests {

    private static final UUID APPELKERKE = DemoOrganisationIds.APPELKERKE.value();

    private final MockMvc mvc;
    private final IncidentFixtures fixtures;
    private final JdbcClient jdbc;
    private final String marker = "Noodweb " + UUID.randomUUID().toString().substring(0, 8);
    private CurrentUser iso;
    private CurrentUser member;
    private CurrentUser analyst;
    private CurrentUser officer;
    private IncidentId incident;

    private final Supporting supporting;
    private final Funding funding;

    SupportWebTests(
            @Autowired MockMvc mvc,
            @Autowired IncidentFixtures fixtures,
            @Autowired JdbcClient jdbc,
            @Autowired Supporting supporting,
            @Autowired Funding funding) {
        this.supporting = supporting;
        this.funding = funding;
        this.mvc = mvc;
        this.fixtures = fixtures;
        this.jdbc = jdbc;
    }

    @BeforeEach
    void setUp() {
        iso = TestUsers.demo(
                jdbc, "iso@appelkerke.invalid", Set.of(), Map.of(APPELKERKE, OrganisationRole.ORGANISATION_ADMIN));
        member = TestUsers.demo(
                jdbc, "medewerker@appelkerke.invalid", Set.of(), Map.of(APPELKERKE, OrganisationRole.MEMBER));
        analyst = TestUsers.demo(jdbc, "analist@crt.invalid", Set.of(Persona.CRT_ANALYST), Map.of());
        officer = TestUsers.demo(jdbc, "programma@bolwerk.invalid", Set.of(Persona.PROGRAMME_OFFICER), Map.of());
        incident = fixtures.report(APPELKERKE, marker + " DDoS", new Actor(iso.id(), "Ilse"), Instant.now())
                .id();
    }

    @AfterEach
    void clean() {
        fixtures.removeMarked(marker);
    }

    /**
     * Cancelling an approval: the programme officer only (403 for the CRT and the organisation, 403 without CSRF);
     * without the confirmation the page says so and keeps the reason typed; confirmed, the page shows the cancellation
     * and the money is back on the line.
     */
    @Test
    void anApprovalIsCancelledOnlyByTheProgrammeOfficerAfterConfirming() throws Exception {
        UUID line = FundingFixtures.line(jdbc, "20000.00", true);
        try {
            jdbc.sql("UPDATE budget_line SET purpose = 'EMERGENCY_FUND' WHERE id = :id")
                    .param("id", line)
                    .update();
            UUID support = supporting.request(
                    incident,
                    new EmergencySupport.Request("Forensisch onderzoek", null, new BigDecimal("9000.00"), "Nodig"),
                    iso);
            supporting.recommend(incident, support, new BigDecimal("9000.00"), "Akkoord", analyst);
            supporting.approve(support, new BudgetLineId(line), officer);
            String cancel = "/emergency-support/" + support + "/cancel";

            mvc.perform(get("/emergency-support/" + support).with(signedIn(officer)))
                    .andExpect(status().isOk())
                    .andExpect(content().string(Matchers.containsString("action=\"" + cancel + "\"")));
            for (CurrentUser notAllowed : List.of(analyst, iso)) {
                mvc.perform(post(cancel)
                                .with(signedIn(notAllowed))
                                .with(csrf())
                                .param("reason", "Niet nodig")
                                .param("confirmed", "true"))
                        .andExpect(status().isForbidden());
            }
            mvc.perform(post(cancel)
                            .with(signedIn(officer))
                            .param("reason", "Niet nodig")
                            .param("confirmed", "true"))
                    .andExpect(status().isForbidden());
            mvc.perform(post(cancel).with(signedIn(officer)).with(csrf()).param("reason", "Firma bleek niet nodig"))
                    .andExpect(status().isOk())
                    .andExpect(content().string(Matchers.containsString("Vink aan dat u de goedkeuring annuleert.")))
                    .andExpect(content().string(Matchers.containsString("Firma bleek niet nodig")));
            assertThat(statusOf(support)).isEqualTo("APPROVED");

            mvc.perform(post(cancel)
                            .with(signedIn(officer))
                            .with(csrf())
                            .param("reason", "Firma bleek niet nodig")
                            .param("confirmed", "true"))
                    .andExpect(status().is3xxRedirection())
                    .andExpect(flash().attribute("notice", "incident.support.cancelled"));
            assertThat(statusOf(support)).isEqualTo("CANCELLED");
            assertThat(funding.remaining(new BudgetLineId(line))).isEqualByComparingTo("20000.00");
            mvc.perform(get(path()).with(signedIn(iso)))
                    .andExpect(status().isOk())
                    .andExpect(content().string(Matchers.containsString("Goedkeuring geannuleerd")))
                    .andExpect(content().string(Matchers.containsString("Firma bleek niet nodig")));
        } finally {
            jdbc.sql("DELETE FROM budget_commitment WHERE budget_line_id = :id")
                    .param("id", line)
                    .update();
            jdbc.sql("DELETE FROM budget_line WHERE id = :id").param("id", line).update();
        }
    }

    private String statusOf(UUID support) {
        return jdbc.sql("SELECT status FROM emergency_support WHERE id = :id")
                .param("id", support)
                .query(String.class)
                .single();
    }

    @Test
    void aRefusedAmountIsShownNextToItsFieldKeepingWhatWasTyped() throws Exception {
        mvc.perform(post(path())
                        .with(signedIn(iso))
                        .with(csrf())
                        .param("purpose", "Extern incidentresponsbedrijf")
                        .param("supplier", "")
                        .param("amount", "veel geld")
                        .param("motivation", "Motivering die blijft staan"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Geef een bedrag in euro groter dan nul")))
                .andExpect(content().string(Matchers.containsString("Motivering die blijft staan")))
                .andExpect(content().string(Matchers.containsString("veel geld")));
        assertThat(requests()).isZero();
    }

    @Test
    void onlyTheAdminAsksAndCsrfIsRequired() throws Exception {
        mvc.perform(post(path())
                        .with(signedIn(member))
                        .with(csrf())
                        .param("purpose", "X")
                        .param("amount", "1000")
                        .param("motivation", "Y"))
                .andExpect(status().isForbidden());
        mvc.perform(post(path())
                        .with(signedIn(iso))
                        .param("purpose", "X")
                        .param("amount", "1000")
                        .param("motivation", "Y"))
                .andExpect(status().isForbidden());
        assertThat(requests()).isZero();
        mvc.perform(post(path())
                        .with(signedIn(iso))
                        .with(csrf())
                        .param("purpose", "Forensisch onderzoek")
                        .param("amount", "12.500,00")
                        .param("motivation", "Geen eigen expertise"))
                .andExpect(status().is3xxRedirection());
        assertThat(requests()).isEqualTo(1);
        mvc.perform(get(path()).with(signedIn(member)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("€ 12.500,00")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("name=\"motivation\""))));
    }

    @Test
    void adviceWithoutReasoningIsRefusedAtItsRequestAndTheProgrammePagesAreNotTheOrganisations() throws Exception {
        mvc.perform(post(path())
                        .with(signedIn(iso))
                        .with(csrf())
                        .param("purpose", "Forensisch onderzoek")
                        .param("amount", "8000")
                        .param("motivation", "Geen eigen expertise"))
                .andExpect(status().is3xxRedirection());
        UUID support = jdbc.sql("SELECT id FROM emergency_support WHERE incident_id = :id")
                .param("id", incident.value())
                .query(UUID.class)
                .single();
        mvc.perform(post(path() + "/" + support + "/recommend")
                        .with(signedIn(analyst))
                        .with(csrf())
                        .param("amount", "7000")
                        .param("advice", ""))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Licht het advies toe.")))
                .andExpect(content().string(Matchers.containsString("value=\"7000\"")));
        mvc.perform(get("/emergency-support").with(signedIn(iso))).andExpect(status().isForbidden());
        mvc.perform(get("/emergency-support/" + support).with(signedIn(iso))).andExpect(status().isForbidden());
        mvc.perform(get("/emergency-support").with(signedIn(officer)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Gemeente Appelkerke")));
        mvc.perform(get("/emergency-support/" + UUID.randomUUID()).with(signedIn(officer)))
                .andExpect(status().isNotFound());
        mvc.perform(post("/emergency-support/" + support + "/reject")
                        .with(signedIn(analyst))
                        .with(csrf())
                        .param("reason", "Nee")
                        .param("confirmed", "true"))
                .andExpect(status().isForbidden());
        // Before the CRT advised, the programme has nothing to decide: told so on the page it is sent back to.
        mvc.perform(post("/emergency-support/" + support + "/reject")
                        .with(signedIn(officer))
                        .with(csrf())
                        .param("reason", "Nee")
                        .param("confirmed", "true"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("problem", "incident.support.rule.state"));
        mvc.perform(post(path() + "/" + support + "/advise-against")
                        .with(signedIn(analyst))
                        .with(csrf())
                        .param("advice", "Verzekeraar dekt dit"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("notice", "incident.support.advised"));
        mvc.perform(post("/emergency-support/" + support + "/reject")
                        .with(signedIn(officer))
                        .with(csrf())
                        .param("reason", "Gedekt door de verzekering"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Vink aan dat u de aanvraag afwijst.")))
                .andExpect(content().string(Matchers.containsString("Gedekt door de verzekering")));
    }

    private String path() {
        return "/incidents/" + incident + "/support";
    }

    private long requests() {
        return jdbc.sql("SELECT COUNT(*) FROM emergency_support WHERE incident_id = :id")
                .param("id", incident.value())
                .query(Long.class)
                .single();
    }
}
