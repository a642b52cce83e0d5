package be.bolwerk.incident.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import be.bolwerk.TestUsers;
import be.bolwerk.campaign.MovableClock;
import be.bolwerk.incident.Answer;
import be.bolwerk.incident.IncidentFixtures;
import be.bolwerk.incident.handling.Actor;
import be.bolwerk.incident.handling.Incident;
import be.bolwerk.incident.obligation.IncidentFacts;
import be.bolwerk.incident.obligation.ObligationKind;
import be.bolwerk.incident.obligation.ObligationState;
import be.bolwerk.incident.obligation.Obligations;
import be.bolwerk.organisation.demo.DemoOrganisationIds;
import be.bolwerk.shared.BelgianTime;
import be.bolwerk.shared.security.CurrentUser;
import be.bolwerk.shared.security.OrganisationRole;
import be.bolwerk.shared.security.Persona;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The drafts over HTTP: who may draft and choose (analysts and the organisation's admins; members and viewers read,
 * 403 when they try; 404 for another organisation), a stale choice refused with the user's ticks kept, the text and
 * PDF exports holding the chosen fields and not the others, the submission recorded through the obligation (a late
 * one needs the reason, with what was typed kept), the frozen draft, the mail to the admins, and the read API.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(MovableClock.Configuration.class)
class NoticeWebTests {

    private static final UUID APPELKERKE = DemoOrganisationIds.APPELKERKE.value();

    private final MockMvc mvc;
    private final Obligations obligations;
    private final IncidentFixtures fixtures;
    private final MovableClock clock;
    private final JdbcClient jdbc;
    private final String marker = "Webmelding " + UUID.randomUUID().toString().substring(0, 8);
    private final CurrentUser analyst = TestUsers.persona(Persona.CRT_ANALYST);
    private Incident incident;

    NoticeWebTests(
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
        if (incident != null) {
            jdbc.sql("DELETE FROM mail_outbox WHERE subject LIKE :s")
                    .param("s", "%" + incident.reference() + "%")
                    .update();
        }
        fixtures.removeMarked(marker);
    }

    /** A breach of Appelkerke whose personal data were known {@code knownAgo}: its GDPR notification is pending. */
    private UUID breach(Duration knownAgo) {
        incident =
                fixtures.report(APPELKERKE, marker + " datalek", new Actor(UUID.randomUUID(), "Ilse"), clock.instant());
        Instant known = clock.instant().minus(knownAgo);
        obligations.changeFacts(
                incident.id(),
                new IncidentFacts.Values(
                        known, null, known, null, null, Answer.YES, Answer.UNKNOWN, "Lek van " + marker),
                analyst);
        return obligations.view(incident.id(), analyst).obligations().stream()
                .filter(o -> o.kind() == ObligationKind.GDPR_NOTIFICATION)
                .findFirst()
                .orElseThrow()
                .id();
    }

    private String base() {
        return "/incidents/" + incident.id().value() + "/notices";
    }

    private String draft(CurrentUser by, UUID obligationId) throws Exception {
        MockHttpServletRequestBuilder request =
                post(base()).with(TestUsers.signedIn(by)).with(csrf());
        if (obligationId != null) {
            request.param("obligationId", obligationId.toString());
        }
        String location = mvc.perform(request)
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        assertThat(location).startsWith(base() + "/");
        return location;
    }

    private static String now(MovableClock clock) {
        return LocalDateTime.ofInstant(clock.instant(), BelgianTime.ZONE)
                .truncatedTo(ChronoUnit.MINUTES)
                .toString();
    }

    @Test
    void theAnalystChoosesFieldsAndBothExportsHoldThoseFieldsOnly() throws Exception {
        UUID obligationId = breach(Duration.ofHours(2));
        String page = draft(analyst, obligationId);
        assertThat(draft(analyst, obligationId))
                .as("a double click opens the same draft")
                .isEqualTo(page);

        String html = mvc.perform(get(page).with(TestUsers.signedIn(analyst)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(html)
                .contains("Melding van incident " + incident.reference() + " aan Vlaamse Toezichtcommissie (VTC)")
                .contains("Wat er gebeurde: " + marker)
                .contains("Keuze opslaan");

        mvc.perform(post(page)
                        .with(TestUsers.signedIn(analyst))
                        .with(csrf())
                        .param("fields", "PERSONAL_DATA", "ACTIONS_TAKEN")
                        .param("cover", "Eerste melding; aanvulling volgt.")
                        .param("revision", "0"))
                .andExpect(status().is3xxRedirection());

        String text = mvc.perform(get(page + "/export.txt").with(TestUsers.signedIn(analyst)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", Matchers.startsWith("attachment")))
                .andExpect(header().string("Content-Type", Matchers.containsString("text/plain")))
                .andReturn()
                .getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(text.lines().findFirst()).contains("TLP:AMBER");
        assertThat(text)
                .contains("Eerste melding; aanvulling volgt.")
                .contains("Persoonsgegevens betrokken: Ja")
                .contains("Genomen maatregelen: Netwerkkabels van de bestandsserver uitgetrokken")
                .doesNotContain("Wat er gebeurde")
                .doesNotContain(marker)
                .doesNotContain("Burgers getroffen");

        byte[] pdf = mvc.perform(get(page + "/export.pdf").with(TestUsers.signedIn(analyst)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", Matchers.startsWith("attachment")))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String pdfText = new PDFTextStripper().getText(document);
            assertThat(pdfText)
                    .contains("TLP:AMBER")
                    .contains("Genomen maatregelen")
                    .contains("Netwerkkabels van de bestandsserver uitgetrokken")
                    .doesNotContain("Wat er gebeurde")
                    .doesNotContain(marker);
        }
    }

    @Test
    void membersAndViewersReadTheAdminDraftsAndAnotherOrganisationGets404() throws Exception {
        UUID obligationId = breach(Duration.ofHours(2));
        CurrentUser viewer = TestUsers.member(APPELKERKE, OrganisationRole.VIEWER);
        CurrentUser member = TestUsers.member(APPELKERKE, OrganisationRole.MEMBER);
        CurrentUser admin = TestUsers.member(APPELKERKE, OrganisationRole.ORGANISATION_ADMIN);

        mvc.perform(post(base())
                        .with(TestUsers.signedIn(member))
                        .with(csrf())
                        .param("obligationId", obligationId.toString()))
                .andExpect(status().isForbidden());
        String page = draft(admin, obligationId);

        String html = mvc.perform(get(page).with(TestUsers.signedIn(viewer)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(html).contains("Wat er gebeurde: " + marker).doesNotContain("Keuze opslaan");
        mvc.perform(post(page)
                        .with(TestUsers.signedIn(viewer))
                        .with(csrf())
                        .param("fields", "WHAT_HAPPENED")
                        .param("revision", "0"))
                .andExpect(status().isForbidden());
        mvc.perform(get(base()).with(TestUsers.signedIn(viewer)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("Melding datalek aan de toezichthouder")));

        CurrentUser munthove =
                TestUsers.member(DemoOrganisationIds.OCMW_MUNTHOVE.value(), OrganisationRole.ORGANISATION_ADMIN);
        for (String path : new String[] {base(), page, page + "/export.txt", page + "/export.pdf"}) {
            mvc.perform(get(path).with(TestUsers.signedIn(munthove)))
                    .andExpect(status().isNotFound())
                    .andExpect(content().string(Matchers.not(Matchers.containsString(marker))));
        }
        mvc.perform(post(page)
                        .with(TestUsers.signedIn(munthove))
                        .with(csrf())
                        .param("fields", "WHAT_HAPPENED")
                        .param("revision", "0"))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1" + page).with(TestUsers.signedIn(munthove)))
                .andExpect(status().isNotFound())
                .andExpect(header().string("Content-Type", Matchers.containsString("application/problem+json")));
    }

    @Test
    void aChoiceFromAStaleTabIsRefusedAndTheTicksTypedAreKept() throws Exception {
        String page = draft(analyst, breach(Duration.ofHours(2)));
        CurrentUser admin = TestUsers.member(APPELKERKE, OrganisationRole.ORGANISATION_ADMIN);
        mvc.perform(post(page)
                        .with(TestUsers.signedIn(admin))
                        .with(csrf())
                        .param("fields", "WHAT_HAPPENED")
                        .param("revision", "0"))
                .andExpect(status().is3xxRedirection());

        String html = mvc.perform(post(page)
                        .with(TestUsers.signedIn(analyst))
                        .with(csrf())
                        .param("fields", "CITIZENS_AFFECTED", "ALREADY_INFORMED")
                        .param("cover", "Mijn tekst")
                        .param("revision", "0"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(html)
                .contains("Iemand anders wijzigde deze melding intussen")
                .contains("Mijn tekst")
                .containsPattern(
                        "id=\"field-CITIZENS_AFFECTED\"\\s+aria-describedby=\"value-CITIZENS_AFFECTED\" checked")
                .containsPattern("id=\"field-WHAT_HAPPENED\"\\s+aria-describedby=\"value-WHAT_HAPPENED\">");
        // The other tab's choice stands; the stale one wrote nothing.
        String text = mvc.perform(get(page + "/export.txt").with(TestUsers.signedIn(analyst)))
                .andReturn()
                .getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(text).contains("Wat er gebeurde").doesNotContain("Burgers getroffen");
    }

    @Test
    void aLateSubmissionNeedsTheReasonThenFreezesTheTextRecordsTheObligationAndMailsTheAdmins() throws Exception {
        UUID obligationId = breach(Duration.ofHours(80));
        String page = draft(analyst, obligationId);

        String refused = mvc.perform(post(page + "/submission")
                        .with(TestUsers.signedIn(analyst))
                        .with(csrf())
                        .param("submittedAt", now(clock))
                        .param("channel", "e-loket VTC")
                        .param("externalReference", "VTC-2026-991")
                        .param("revision", "0"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(refused)
                .contains("field--error")
                .contains("value=\"e-loket VTC\"")
                .contains("value=\"VTC-2026-991\"");
        assertThat(state(obligationId)).isEqualTo(ObligationState.PENDING);

        mvc.perform(post(page + "/submission")
                        .with(TestUsers.signedIn(analyst))
                        .with(csrf())
                        .param("submittedAt", now(clock))
                        .param("channel", "e-loket VTC")
                        .param("externalReference", "VTC-2026-991")
                        .param("delayReason", "Omvang eerst onduidelijk")
                        .param("revision", "0"))
                .andExpect(status().is3xxRedirection());
        assertThat(state(obligationId)).isEqualTo(ObligationState.LATE);

        String sha = jdbc.sql("SELECT submitted_sha256 FROM incident_notice WHERE incident_id = :i")
                .param("i", incident.id().value())
                .query(String.class)
                .single();
        String frozen = jdbc.sql("SELECT submitted_text FROM incident_notice WHERE incident_id = :i")
                .param("i", incident.id().value())
                .query(String.class)
                .single();
        assertThat(sha).isEqualTo(Notice.sha256(frozen));
        String exported = mvc.perform(get(page + "/export.txt").with(TestUsers.signedIn(analyst)))
                .andReturn()
                .getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(exported).isEqualTo(frozen);

        // Submitted: a second click and a later choice are refused, and nothing changes.
        mvc.perform(post(page)
                        .with(TestUsers.signedIn(analyst))
                        .with(csrf())
                        .param("fields", "WHAT_HAPPENED")
                        .param("revision", "1"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("problem", Notice.SUBMITTED));
        mvc.perform(post(page + "/submission")
                        .with(TestUsers.signedIn(analyst))
                        .with(csrf())
                        .param("submittedAt", now(clock))
                        .param("channel", "e-loket VTC")
                        .param("delayReason", "Nog eens")
                        .param("revision", "1"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("problem", Notice.SUBMITTED));
        assertThat(jdbc.sql("SELECT submitted_text FROM incident_notice WHERE incident_id = :i")
                        .param("i", incident.id().value())
                        .query(String.class)
                        .single())
                .isEqualTo(frozen);

        assertThat(jdbc.sql("SELECT COUNT(*) FROM mail_outbox WHERE recipient = 'iso@appelkerke.invalid'"
                                + " AND subject LIKE :s")
                        .param("s", "Melding ingediend voor incident " + incident.reference() + "%")
                        .query(Long.class)
                        .single())
                .isEqualTo(1L);

        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE event_type = 'INCIDENT_NOTICE_SUBMITTED'"
                                + " AND details LIKE :sha")
                        .param("sha", "%" + sha + "%")
                        .query(Long.class)
                        .single())
                .as("the submission is in the audit trail with the text's hash")
                .isEqualTo(1L);

        mvc.perform(get("/api/v1" + base()).with(TestUsers.signedIn(analyst)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].submitted").value(true))
                .andExpect(jsonPath("$[0].recipient").value("AUTHORITY"));
        mvc.perform(get("/api/v1" + page).with(TestUsers.signedIn(analyst)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.text").value(frozen))
                .andExpect(jsonPath("$.sha256").value(sha))
                .andExpect(jsonPath("$.fields[0]").value("WHAT_HAPPENED"));
    }

    @Test
    void theInsurersDraftIsRecordedOnItselfAndInTheTimeline() throws Exception {
        breach(Duration.ofHours(2));
        String page = draft(analyst, null);
        mvc.perform(post(page + "/submission")
                        .with(TestUsers.signedIn(analyst))
                        .with(csrf())
                        .param("submittedAt", now(clock))
                        .param("channel", "e-mail aan de makelaar")
                        .param("revision", "0"))
                .andExpect(status().is3xxRedirection());

        assertThat(jdbc.sql("SELECT COUNT(*) FROM incident_entry WHERE incident_id = :i AND body LIKE :t")
                        .param("i", incident.id().value())
                        .param("t", "Melding aan Verzekeraar ingediend via e-mail aan de makelaar%")
                        .query(Long.class)
                        .single())
                .isEqualTo(1L);
    }

    private ObligationState state(UUID obligationId) {
        return obligations.view(incident.id(), analyst).obligations().stream()
                .filter(o -> o.id().equals(obligationId))
                .findFirst()
                .orElseThrow()
                .state();
    }
}
