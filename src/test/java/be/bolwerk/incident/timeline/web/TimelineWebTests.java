package be.bolwerk.incident.timeline.web;

import static be.bolwerk.TestUsers.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import be.bolwerk.incident.IncidentFixtures;
import be.bolwerk.incident.handling.Actor;
import be.bolwerk.incident.handling.Incident;
import be.bolwerk.organisation.demo.DemoOrganisationIds;
import be.bolwerk.shared.security.CurrentUser;
import be.bolwerk.shared.security.OrganisationRole;
import be.bolwerk.shared.security.Persona;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

/**
 * The timeline page and its forms with security, on an incident of Gemeente Appelkerke: viewers read but never add
 * (403), another organisation's incident is not found on any route (404), every post needs its CSRF token, a
 * refused form keeps what was typed, a correction leaves the original as it was, messages are mailed to the other
 * side (a TLP:RED one without its text), and a download is an attachment written to the chain of custody.
 */
@SpringBootTest
@AutoConfigureMockMvc
class TimelineWebTests {

    private static final UUID APPELKERKE = DemoOrganisationIds.APPELKERKE.value();
    private static final UUID MUNTHOVE = DemoOrganisationIds.OCMW_MUNTHOVE.value();
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");

    private final MockMvc mvc;
    private final JdbcClient jdbc;
    private final IncidentFixtures incidents;
    private final String marker = "Tijdlijntest " + UUID.randomUUID().toString().substring(0, 8);
    private CurrentUser iso;
    private CurrentUser viewer;
    private CurrentUser analyst;
    private Incident incident;
    private Incident munthove;

    TimelineWebTests(@Autowired MockMvc mvc, @Autowired JdbcClient jdbc, @Autowired IncidentFixtures incidents) {
        this.mvc = mvc;
        this.jdbc = jdbc;
        this.incidents = incidents;
    }

    @BeforeEach
    void incident() {
        iso = account("iso@appelkerke.invalid", Set.of(), Map.of(APPELKERKE, OrganisationRole.ORGANISATION_ADMIN));
        viewer = account("lezer@appelkerke.invalid", Set.of(), Map.of(APPELKERKE, OrganisationRole.VIEWER));
        analyst = account("analist@crt.invalid", Set.of(Persona.CRT_ANALYST), Map.of());
        incident = incidents.report(APPELKERKE, marker, new Actor(iso.id(), iso.displayName()), Instant.now());
        munthove = incidents.report(MUNTHOVE, marker + " Munthove", new Actor(UUID.randomUUID(), "M"), Instant.now());
    }

    @AfterEach
    void clean() {
        jdbc.sql("DELETE FROM mail_outbox WHERE subject LIKE :ref OR subject LIKE :other")
                .param("ref", "%" + incident.reference() + "%")
                .param("other", "%" + munthove.reference() + "%")
                .update();
        incidents.removeMarked(marker);
    }

    @Test
    void aViewerReadsTheTimelineButAddsNothing() throws Exception {
        String page = page(timeline(), viewer);
        assertThat(page).contains("Tijdlijn en communicatie").doesNotContain("id=\"entry-form\"");

        for (AbstractMockHttpServletRequestBuilder<?> write : List.<AbstractMockHttpServletRequestBuilder<?>>of(
                post(timeline())
                        .param("kind", "OBSERVATION")
                        .param("text", "Gezien")
                        .param("occurredAt", now()),
                post(base() + "/assets").param("name", "Server").param("assetKind", "SERVER"),
                post(base() + "/indicators").param("type", "IPV4").param("value", "192.0.2.1"),
                multipart(base() + "/evidence").file(file("log.txt", "inhoud")),
                multipart(base() + "/evidence"))) {
            mvc.perform(write.with(signedIn(viewer)).with(csrf())).andExpect(status().isForbidden());
        }
        assertThat(count("incident_entry")).isZero();
        assertThat(count("incident_asset")).isZero();
        assertThat(count("incident_indicator")).isZero();
        assertThat(count("incident_evidence")).isZero();
    }

    @Test
    void anotherOrganisationsIncidentIsNotFoundOnEveryRoute() throws Exception {
        String other = "/incidents/" + munthove.id();
        UUID any = UUID.randomUUID();
        for (AbstractMockHttpServletRequestBuilder<?> request : List.<AbstractMockHttpServletRequestBuilder<?>>of(
                get(other + "/timeline"),
                get(other + "/timeline").param("correct", any.toString()),
                post(other + "/timeline")
                        .param("kind", "OBSERVATION")
                        .param("text", "x")
                        .param("occurredAt", now()),
                post(other + "/assets").param("name", "Server").param("assetKind", "SERVER"),
                post(other + "/assets/" + any + "/status").param("status", "COMPROMISED"),
                post(other + "/indicators").param("type", "IPV4").param("value", "192.0.2.1"),
                get(other + "/indicators.csv"),
                multipart(other + "/evidence").file(file("log.txt", "inhoud")),
                multipart(other + "/evidence"),
                get(other + "/evidence/" + any),
                post(other + "/evidence/" + any + "/handover")
                        .param("handedTo", "x")
                        .param("reason", "y"))) {
            MockHttpServletResponse response = mvc.perform(
                            request.with(signedIn(iso)).with(csrf()))
                    .andReturn()
                    .getResponse();
            assertThat(response.getStatus()).as(request.toString()).isEqualTo(404);
            assertThat(response.getContentAsString(StandardCharsets.UTF_8))
                    .doesNotContain(munthove.reference())
                    .doesNotContain("Munthove");
        }
        assertThat(jdbc.sql("SELECT COUNT(*) FROM incident_entry WHERE incident_id = :id")
                        .param("id", munthove.id().value())
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void everyPostNeedsItsCsrfToken() throws Exception {
        mvc.perform(post(timeline())
                        .param("kind", "OBSERVATION")
                        .param("text", "Zonder token")
                        .param("occurredAt", now())
                        .with(signedIn(iso)))
                .andExpect(status().isForbidden());
        mvc.perform(post(base() + "/indicators")
                        .param("type", "IPV4")
                        .param("value", "192.0.2.1")
                        .with(signedIn(iso)))
                .andExpect(status().isForbidden());
        assertThat(count("incident_entry")).isZero();
        assertThat(count("incident_indicator")).isZero();
    }

    @Test
    void aRefusedFormKeepsWhatWasTypedWithTheReasonNextToTheField() throws Exception {
        String future =
                LOCAL.format(LocalDateTime.now(ZoneId.of("Europe/Brussels")).plusDays(2));
        String page = mvc.perform(post(timeline())
                        .param("kind", "OBSERVATION")
                        .param("text", "Verdacht verkeer naar buiten")
                        .param("occurredAt", future)
                        .param("tlp", "GREEN")
                        .with(signedIn(iso))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page)
                .contains("Verdacht verkeer naar buiten")
                .contains(future)
                .contains("Het moment ligt in de toekomst")
                .contains("id=\"occurredAt-error\"");

        page = mvc.perform(post(base() + "/indicators")
                        .param("type", "IPV4")
                        .param("value", "999.0.2.1")
                        .param("note", "Gezien in de firewall")
                        .with(signedIn(iso))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page)
                .contains("value=\"999.0.2.1\"")
                .contains("Gezien in de firewall")
                .contains("Dit is geen geldig IPv4-adres")
                .contains("id=\"value-error\"");

        page = mvc.perform(post(timeline())
                        .param("kind", "MESSAGE_TO_ORGANISATION")
                        .param("text", "Alleen het CRT")
                        .param("occurredAt", now())
                        .with(signedIn(iso))
                        .with(csrf()))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("Alleen het CRT stuurt berichten aan de organisatie");

        page = mvc.perform(post(timeline())
                        .param("kind", "OBSERVATION")
                        .param("text", "Tijd verkeerd")
                        .param("occurredAt", "gisteren")
                        .with(signedIn(iso))
                        .with(csrf()))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("Geef een datum en uur").contains("Tijd verkeerd");
        assertThat(count("incident_entry")).isZero();
        assertThat(count("incident_indicator")).isZero();
    }

    @Test
    void aCorrectionLeavesTheOriginalAndTheMessagesAreMailedToTheOtherSide() throws Exception {
        mvc.perform(post(timeline())
                        .param("kind", "MESSAGE_TO_ORGANISATION")
                        .param("text", "Koppel de back-upserver los van het netwerk")
                        .param("occurredAt", now())
                        .param("tlp", "AMBER")
                        .with(signedIn(analyst))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        String toIso = mail("iso@appelkerke.invalid");
        assertThat(toIso)
                .contains(incident.reference())
                .contains("Koppel de back-upserver los van het netwerk")
                .contains("TLP:AMBER")
                .contains("/incidents/" + incident.id() + "/timeline#entry-");

        mvc.perform(post(timeline())
                        .param("kind", "MESSAGE_FROM_ORGANISATION")
                        .param("text", "Back-upserver staat los")
                        .param("occurredAt", now())
                        .with(signedIn(iso))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(mail("analist@crt.invalid")).contains("Back-upserver staat los");

        mvc.perform(post(timeline())
                        .param("kind", "MESSAGE_TO_ORGANISATION")
                        .param("text", "Wachtwoord van de beheerder is Geheim123")
                        .param("occurredAt", now())
                        .param("tlp", "RED")
                        .with(signedIn(analyst))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        List<String> red = jdbc.sql("SELECT body FROM mail_outbox WHERE recipient = 'iso@appelkerke.invalid'"
                        + " AND subject LIKE :ref AND body LIKE '%TLP:RED%'")
                .param("ref", "%" + incident.reference() + "%")
                .query(String.class)
                .list();
        assertThat(red).hasSize(1);
        assertThat(red.get(0)).doesNotContain("Geheim123").contains("Lees het in Bolwerk");

        UUID original = jdbc.sql("SELECT id FROM incident_entry WHERE incident_id = :id AND body LIKE 'Back-up%'")
                .param("id", incident.id().value())
                .query(UUID.class)
                .single();
        String form = page(timeline() + "?correct=" + original, iso);
        assertThat(form).contains("Vermelding corrigeren").contains("value=\"" + original + "\"");
        mvc.perform(post(timeline())
                        .param("kind", "MESSAGE_FROM_ORGANISATION")
                        .param("text", "Back-upserver staat nog niet los")
                        .param("occurredAt", now())
                        .param("corrects", original.toString())
                        .with(signedIn(iso))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());

        assertThat(jdbc.sql("SELECT body FROM incident_entry WHERE id = :id")
                        .param("id", original)
                        .query(String.class)
                        .single())
                .isEqualTo("Back-upserver staat los");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM incident_entry WHERE corrects = :id")
                        .param("id", original)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        String page = page(timeline(), viewer);
        assertThat(page)
                .contains("Back-upserver staat los")
                .contains("Back-upserver staat nog niet los")
                .contains("Gecorrigeerd door " + iso.displayName());
        assertThat(page(timeline() + "?kind=DECISION", viewer)).doesNotContain("Back-upserver");

        mvc.perform(post(timeline())
                        .param("kind", "OBSERVATION")
                        .param("text", "Correctie van iets dat niet bestaat")
                        .param("occurredAt", now())
                        .param("corrects", UUID.randomUUID().toString())
                        .with(signedIn(iso))
                        .with(csrf()))
                .andExpect(status().isOk());
        assertThat(count("incident_entry")).isEqualTo(4);
        // The audit trail names every entry, by kind and label, never by its text.
        List<String> audit = audit("INCIDENT_ENTRY_RECORDED");
        assertThat(audit).hasSize(4).noneMatch(details -> details.contains("Geheim123") || details.contains("Back-up"));
        assertThat(audit).anyMatch(details -> details.contains("incidentEntryCorrection"));
    }

    @Test
    void anAssetsStatusChangeIsInTheTimelineAndTheExportLeavesRedOut() throws Exception {
        mvc.perform(post(base() + "/assets")
                        .param("name", "Bestandsserver FS01")
                        .param("assetKind", "SERVER")
                        .with(signedIn(iso))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        UUID asset = jdbc.sql("SELECT id FROM incident_asset WHERE incident_id = :id")
                .param("id", incident.id().value())
                .query(UUID.class)
                .single();
        mvc.perform(post(base() + "/assets/" + asset + "/status")
                        .param("seen", "TO_BE_DETERMINED")
                        .param("status", "COMPROMISED")
                        .with(signedIn(analyst))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        // A second person who saw the old status does not overwrite the new one.
        mvc.perform(post(base() + "/assets/" + asset + "/status")
                        .param("seen", "TO_BE_DETERMINED")
                        .param("status", "NOT_COMPROMISED")
                        .with(signedIn(iso))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("SELECT status FROM incident_asset WHERE id = :id")
                        .param("id", asset)
                        .query(String.class)
                        .single())
                .isEqualTo("COMPROMISED");
        assertThat(page(timeline(), viewer))
                .contains("Bestandsserver FS01: Nog te bepalen → Gecompromitteerd")
                .contains(analyst.displayName());

        for (String[] indicator : List.of(
                new String[] {"IPV4", "192.0.2.66", "AMBER"},
                new String[] {"DOMAIN", "Slecht-Voorbeeld.example", "GREEN"},
                new String[] {"IPV4", "198.51.100.7", "RED"})) {
            mvc.perform(post(base() + "/indicators")
                            .param("type", indicator[0])
                            .param("value", indicator[1])
                            .param("indicatorTlp", indicator[2])
                            .with(signedIn(analyst))
                            .with(csrf()))
                    .andExpect(status().is3xxRedirection());
        }
        MockHttpServletResponse csv = mvc.perform(
                        get(base() + "/indicators.csv").with(signedIn(viewer)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse();
        assertThat(csv.getHeader("Content-Disposition")).startsWith("attachment");
        assertThat(csv.getContentAsString(StandardCharsets.UTF_8))
                .startsWith("# 1 indicator(en) met TLP:RED weggelaten")
                .contains("IPV4,192.0.2.66,TLP:AMBER")
                .contains("DOMAIN,slecht-voorbeeld.example,TLP:GREEN")
                .doesNotContain("198.51.100.7");
        assertThat(page(timeline(), viewer)).contains("198.51.100.7").contains("1 indicator(en) met TLP:RED");
    }

    @Test
    void aDownloadIsAnAttachmentWrittenToTheChainOfCustody() throws Exception {
        String content = "2026-12-03 03:12 login admin from 192.0.2.66";
        mvc.perform(multipart(base() + "/evidence")
                        .file(file("../firewall \"log\".txt", content))
                        .param("description", "Firewalllog van de nacht")
                        .param("evidenceTlp", "AMBER_STRICT")
                        .with(signedIn(iso))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        record Stored(UUID id, String name, String sha256) {}
        Stored stored = jdbc.sql("SELECT id, file_name, sha256 FROM incident_evidence WHERE incident_id = :id")
                .param("id", incident.id().value())
                .query((rs, n) ->
                        new Stored(rs.getObject("id", UUID.class), rs.getString("file_name"), rs.getString("sha256")))
                .single();
        assertThat(stored.sha256())
                .isEqualTo(be.bolwerk.incident.evidence.EvidenceFile.sha256(content.getBytes(StandardCharsets.UTF_8)));
        assertThat(stored.name()).isEqualTo("firewall _log_.txt");
        assertThat(page(timeline(), viewer)).contains(stored.sha256()).contains("TLP:AMBER+STRICT");

        MockHttpServletResponse download = mvc.perform(
                        get(base() + "/evidence/" + stored.id()).with(signedIn(viewer)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse();
        assertThat(download.getHeader("Content-Disposition"))
                .startsWith("attachment")
                .contains("firewall _log_.txt");
        assertThat(download.getContentType()).isEqualTo("application/octet-stream");
        assertThat(download.getHeader("Content-Security-Policy")).contains("sandbox");
        assertThat(download.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(content);
        assertThat(jdbc.sql("SELECT action || ':' || by_name FROM incident_custody WHERE evidence_id = :id"
                                + " ORDER BY happened_at, action DESC")
                        .param("id", stored.id())
                        .query(String.class)
                        .list())
                .containsExactly("UPLOADED:" + iso.displayName(), "DOWNLOADED:" + viewer.displayName());

        String refused = mvc.perform(post(base() + "/evidence/" + stored.id() + "/handover")
                        .param("handedTo", "Federale gerechtelijke politie")
                        .param("reason", "")
                        .with(signedIn(analyst))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(refused)
                .contains("Geef aan waarom het bestand overhandigd werd")
                .contains("value=\"Federale gerechtelijke politie\"");
        mvc.perform(post(base() + "/evidence/" + stored.id() + "/handover")
                        .param("handedTo", "Federale gerechtelijke politie")
                        .param("reason", "Bij de klacht, PV 2026/123")
                        .with(signedIn(analyst))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(page(timeline(), viewer)).contains("aan Federale gerechtelijke politie: Bij de klacht, PV 2026/123");
        assertThat(audit("INCIDENT_EVIDENCE_CUSTODY"))
                .hasSize(3)
                .allMatch(details -> details.contains(stored.sha256()))
                .anyMatch(details -> details.contains("Federale gerechtelijke politie"));

        String empty = mvc.perform(multipart(base() + "/evidence")
                        .param("description", "Zonder bestand")
                        .with(signedIn(iso))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(empty).contains("Kies een bestand om op te laden").contains("Zonder bestand");
    }

    private String base() {
        return "/incidents/" + incident.id();
    }

    private String timeline() {
        return base() + "/timeline";
    }

    private static String now() {
        return LOCAL.format(LocalDateTime.now(ZoneId.of("Europe/Brussels")).minusMinutes(1));
    }

    private static MockMultipartFile file(String name, String content) {
        return new MockMultipartFile("file", name, "text/plain", content.getBytes(StandardCharsets.UTF_8));
    }

    private String page(String url, CurrentUser user) throws Exception {
        return mvc.perform(get(url).with(signedIn(user)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private long count(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE incident_id = :id")
                .param("id", incident.id().value())
                .query(Long.class)
                .single();
    }

    private List<String> audit(String type) {
        return jdbc.sql("SELECT details FROM audit_event WHERE event_type = :type AND details LIKE :incident")
                .param("type", type)
                .param("incident", "%" + incident.id() + "%")
                .query(String.class)
                .list();
    }

    private String mail(String to) {
        return jdbc.sql("SELECT subject || ' ' || body FROM mail_outbox WHERE recipient = :to AND subject LIKE :ref"
                        + " ORDER BY created_at DESC LIMIT 1")
                .param("to", to)
                .param("ref", "%" + incident.reference() + "%")
                .query(String.class)
                .single();
    }

    private CurrentUser account(String email, Set<Persona> personas, Map<UUID, OrganisationRole> memberships) {
        record Row(UUID id, String name) {}
        Row row = jdbc.sql("SELECT id, display_name FROM user_account WHERE email = :email")
                .param("email", email)
                .query((rs, n) -> new Row(rs.getObject("id", UUID.class), rs.getString("display_name")))
                .single();
        return new CurrentUser(row.id(), email, row.name(), null, true, personas, memberships);
    }
}
