package be.bolwerk.incident.guest;

import static be.bolwerk.TestUsers.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import be.bolwerk.TestUsers;
import be.bolwerk.campaign.MovableClock;
import be.bolwerk.incident.IncidentFixtures;
import be.bolwerk.incident.handling.Actor;
import be.bolwerk.incident.handling.Incident;
import be.bolwerk.organisation.demo.DemoOrganisationIds;
import be.bolwerk.shared.BelgianTime;
import be.bolwerk.shared.security.CurrentUser;
import be.bolwerk.shared.security.OrganisationRole;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Guest access over HTTP (ADR 0043): the organisation's admin invites, the guest sets up an account through the
 * identity module's invitation page, sees the overview and the timeline of that one incident and adds to it, and
 * gets 404 on every other page of it, on another incident, after the last day and after revocation.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(MovableClock.Configuration.class)
class GuestWebTests {

    private static final UUID APPELKERKE = DemoOrganisationIds.APPELKERKE.value();
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
    private static final Pattern LINK = Pattern.compile("/invitation/([A-Za-z0-9_-]{43})");

    private final MockMvc mvc;
    private final IncidentFixtures fixtures;
    private final MovableClock clock;
    private final JdbcClient jdbc;
    private final String marker = "Gastweb " + UUID.randomUUID().toString().substring(0, 8);
    private final String email = "gast-" + UUID.randomUUID().toString().substring(0, 8) + "@firma-ir.invalid";
    private final CurrentUser admin;

    GuestWebTests(
            @Autowired MockMvc mvc,
            @Autowired IncidentFixtures fixtures,
            @Autowired MovableClock clock,
            @Autowired JdbcClient jdbc) {
        this.mvc = mvc;
        this.fixtures = fixtures;
        this.clock = clock;
        this.jdbc = jdbc;
        this.admin = TestUsers.demo(
                jdbc, "iso@appelkerke.invalid", Set.of(), Map.of(APPELKERKE, OrganisationRole.ORGANISATION_ADMIN));
    }

    @AfterEach
    void clean() {
        clock.reset();
        fixtures.removeMarked(marker);
        jdbc.sql("DELETE FROM guest_invitation WHERE email = :e")
                .param("e", email)
                .update();
    }

    private Incident incident(String what) {
        return fixtures.report(APPELKERKE, marker + " " + what, new Actor(UUID.randomUUID(), "Ilse"), clock.instant());
    }

    private String base(Incident incident) {
        return "/incidents/" + incident.id().value();
    }

    private String inDays(int days) {
        return BelgianTime.today(clock).plusDays(days).toString();
    }

    /** The admin invites; returns the link token from the mail in the outbox. */
    private String invite(Incident incident, int days) throws Exception {
        mvc.perform(post(base(incident) + "/guests")
                        .param("email", email.toUpperCase())
                        .param("firm", "Firma IR")
                        .param("lastDay", inDays(days))
                        .with(signedIn(admin))
                        .with(csrf()))
                .andExpect(redirectedUrl(base(incident) + "/guests"));
        String body = jdbc.sql("SELECT body FROM mail_outbox WHERE recipient = :r ORDER BY created_at DESC")
                .param("r", email)
                .query(String.class)
                .list()
                .get(0);
        assertThat(body)
                .as("the invitation names the reference, the firm and the last day, not what happened")
                .contains(incident.reference())
                .contains("Firma IR")
                .doesNotContain(marker)
                .doesNotContain("Appelkerke");
        Matcher link = LINK.matcher(body);
        assertThat(link.find()).as("the mail holds the link").isTrue();
        return link.group(1);
    }

    /** The guest sets a password through the identity module's invitation page; returns them signed in. */
    private CurrentUser accept(String token) throws Exception {
        String password = "de firma opent het dossier om acht uur";
        mvc.perform(get("/invitation/" + token)).andExpect(status().isOk());
        mvc.perform(post("/invitation/" + token)
                        .param("displayName", "Gast Analist")
                        .param("password", password)
                        .param("confirmation", password)
                        .with(csrf()))
                .andExpect(redirectedUrl("/login?invited"));
        UUID id = jdbc.sql("SELECT id FROM user_account WHERE email = :e")
                .param("e", email)
                .query(UUID.class)
                .single();
        return new CurrentUser(id, email, "Gast Analist", null, true, Set.of(), Map.of());
    }

    private int statusOf(String url, CurrentUser user) throws Exception {
        return mvc.perform(get(url).with(signedIn(user)))
                .andReturn()
                .getResponse()
                .getStatus();
    }

    @Test
    void aGuestSeesTheOverviewAndTimelineOfThatIncidentOnlyAndAddsToIt() throws Exception {
        Incident incident = incident("ransomware");
        Incident other = incident("ander incident");
        CurrentUser guest = accept(invite(incident, 10));

        String overview = mvc.perform(get(base(incident)).with(signedIn(guest)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(overview)
                .contains(incident.reference())
                .contains("/timeline")
                .doesNotContain(base(incident) + "/obligations")
                .doesNotContain(base(incident) + "/support")
                .doesNotContain(base(incident) + "/guests");
        assertThat(statusOf(base(incident) + "/timeline", guest)).isEqualTo(200);
        String landing = mvc.perform(get("/guest").with(signedIn(guest)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(landing).contains(incident.reference()).doesNotContain(other.reference());
        mvc.perform(get("/").with(signedIn(guest))).andExpect(redirectedUrl("/guest"));

        mvc.perform(post(base(incident) + "/timeline")
                        .param("kind", "OBSERVATION")
                        .param("text", "Firma: versleutelde bestanden op de NAS gevonden")
                        .param(
                                "occurredAt",
                                LOCAL.format(LocalDateTime.now(BelgianTime.ZONE).minusMinutes(1)))
                        .with(signedIn(guest))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM incident_entry WHERE incident_id = :i AND body LIKE 'Firma:%'")
                        .param("i", incident.id().value())
                        .query(Long.class)
                        .single())
                .isEqualTo(1L);

        for (String hidden : List.of("/handling", "/obligations", "/support", "/lessons", "/guests")) {
            assertThat(statusOf(base(incident) + hidden, guest)).as(hidden).isEqualTo(404);
        }
        assertThat(statusOf(base(other), guest)).as("another incident").isEqualTo(404);
        assertThat(statusOf(base(other) + "/timeline", guest))
                .as("another incident")
                .isEqualTo(404);
        assertThat(statusOf("/api/v1/incidents/" + incident.id().value(), guest))
                .as("the API takes no session, and a guest's incident is not in it")
                .isIn(403, 404);

        assertThat(jdbc.sql("SELECT COUNT(*) FROM mail_outbox WHERE recipient = 'iso@appelkerke.invalid'"
                                + " AND subject LIKE :s")
                        .param("s", "%" + incident.reference() + "%aanvaard%")
                        .query(Long.class)
                        .single())
                .as("the admins hear that the guest accepted")
                .isGreaterThanOrEqualTo(1L);
    }

    @Test
    void afterTheLastDayOrRevocationTheGuestGets404AtOnce() throws Exception {
        Incident incident = incident("verloopt");
        CurrentUser guest = accept(invite(incident, 2));
        assertThat(statusOf(base(incident), guest)).isEqualTo(200);

        clock.advance(Duration.ofDays(3));
        assertThat(statusOf(base(incident), guest)).as("after the last day").isEqualTo(404);
        assertThat(statusOf(base(incident) + "/timeline", guest)).isEqualTo(404);
        clock.reset();
        assertThat(statusOf(base(incident), guest)).isEqualTo(200);

        UUID grant = jdbc.sql("SELECT id FROM incident_guest WHERE incident_id = :i")
                .param("i", incident.id().value())
                .query(UUID.class)
                .single();
        mvc.perform(post(base(incident) + "/guests/" + grant + "/revoke")
                        .with(signedIn(admin))
                        .with(csrf()))
                .andExpect(redirectedUrl(base(incident) + "/guests"));
        assertThat(statusOf(base(incident), guest))
                .as("not confirmed: still in")
                .isEqualTo(200);
        mvc.perform(post(base(incident) + "/guests/" + grant + "/revoke")
                        .param("confirmed", "true")
                        .with(signedIn(admin))
                        .with(csrf()))
                .andExpect(redirectedUrl(base(incident) + "/guests"));
        assertThat(statusOf(base(incident), guest)).as("after revocation").isEqualTo(404);
        assertThat(statusOf(base(incident) + "/timeline", guest)).isEqualTo(404);
        String page = mvc.perform(get(base(incident) + "/guests").with(signedIn(admin)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains("Ingetrokken").contains("Firma IR");
    }

    @Test
    void onlyTheOrganisationsAdminInvitesAndAnotherOrganisationGets404() throws Exception {
        Incident incident = incident("rechten");
        CurrentUser member = TestUsers.member(APPELKERKE, OrganisationRole.MEMBER);
        mvc.perform(post(base(incident) + "/guests")
                        .param("email", email)
                        .param("firm", "Firma IR")
                        .param("lastDay", inDays(5))
                        .with(signedIn(member))
                        .with(csrf()))
                .andExpect(status().isForbidden());
        String readOnly = mvc.perform(get(base(incident) + "/guests").with(signedIn(member)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(readOnly).doesNotContain("name=\"firm\"");

        CurrentUser munthove =
                TestUsers.member(DemoOrganisationIds.OCMW_MUNTHOVE.value(), OrganisationRole.ORGANISATION_ADMIN);
        mvc.perform(post(base(incident) + "/guests")
                        .param("email", email)
                        .param("firm", "Firma IR")
                        .param("lastDay", inDays(5))
                        .with(signedIn(munthove))
                        .with(csrf()))
                .andExpect(status().isNotFound());
        assertThat(statusOf(base(incident) + "/guests", munthove)).isEqualTo(404);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM incident_guest WHERE incident_id = :i")
                        .param("i", incident.id().value())
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void aRefusedInvitationKeepsWhatWasTypedNextToTheField() throws Exception {
        Incident incident = incident("formulier");
        String page = mvc.perform(post(base(incident) + "/guests")
                        .param("email", email)
                        .param("firm", "Firma IR")
                        .param("lastDay", inDays(91))
                        .with(signedIn(admin))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page)
                .contains("hoogstens 90 dagen")
                .contains("value=\"" + email + "\"")
                .contains("value=\"Firma IR\"")
                .contains("id=\"lastDay-error\"");
    }
}
