package be.bolwerk.audit;

import static be.bolwerk.TestUsers.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import be.bolwerk.TestUsers;
import be.bolwerk.audit.ordering.AuditOrder;
import be.bolwerk.audit.ordering.AuditOrderStore;
import be.bolwerk.funding.BudgetLineId;
import be.bolwerk.funding.FundingFixtures;
import be.bolwerk.organisation.demo.DemoOrganisationIds;
import be.bolwerk.shared.security.CurrentUser;
import be.bolwerk.shared.security.OrganisationRole;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The audit pages and API with security: ordering with a preview that shows both shares before sending and keeps
 * a wrong amount as typed, the officer's confirmation, the auditor's refused upload, who sees the findings, the
 * settlement statement as a tagged PDF, and another organisation's order answering 404 on page and API.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AuditWebTests {

    private static final UUID APPELKERKE = DemoOrganisationIds.APPELKERKE.value();

    private final MockMvc mvc;
    private final JdbcClient jdbc;
    private final AuditOrderStore store;

    AuditWebTests(@Autowired MockMvc mvc, @Autowired JdbcClient jdbc, @Autowired AuditOrderStore store) {
        this.mvc = mvc;
        this.jdbc = jdbc;
        this.store = store;
    }

    private final CurrentUser admin = TestUsers.member(APPELKERKE, OrganisationRole.ORGANISATION_ADMIN);

    private AuditOrder requested(UUID organisation) {
        BudgetLineId line = new BudgetLineId(FundingFixtures.line(jdbc, "100000.00", true));
        return AuditFixtures.requested(store, organisation, "Gemeente Appelkerke", AuditKind.BASIC, line, "9075.00");
    }

    private UUID completedDemoOrder() {
        return jdbc.sql("SELECT id FROM audit_order WHERE organisation_id = :org AND status = 'COMPLETED' LIMIT 1")
                .param("org", APPELKERKE)
                .query(UUID.class)
                .single();
    }

    /** The admin's order form for Appelkerke, sent to the preview or for real. */
    private MockHttpServletRequestBuilder order(String path, String kind, String excludingVat, String vat) {
        return post(path)
                .param("organisationId", APPELKERKE.toString())
                .param("kind", kind)
                .param("quoteExcludingVat", excludingVat)
                .param("quoteVat", vat)
                .with(signedIn(admin))
                .with(csrf());
    }

    @Test
    void thePreviewShowsBothSharesBeforeTheOrderIsSent() throws Exception {
        mvc.perform(get("/audits/new").with(signedIn(admin)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Gemeente Appelkerke")));
        mvc.perform(order("/audits/preview", "BASIC", "7.500,00", "1575"))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("Wie betaalt wat"),
                                containsString("€ 6.050,00"),
                                containsString("€ 3.025,00"),
                                containsString("Bestelling versturen"))));
        mvc.perform(order("/audits", "BASIC", "7.500,00", "1575"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("/audits/*"));
    }

    @Test
    void aWrongAmountComesBackAsTypedWithItsMessage() throws Exception {
        mvc.perform(order("/audits/preview", "SUPPLEMENTARY", "zeven", "0"))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("value=\"zeven\""),
                                containsString("Geef de offerte in euro"),
                                not(containsString("Wie betaalt wat")))));
    }

    @Test
    void anOfficerConfirmsBeforeCreditIsCommitted() throws Exception {
        AuditOrder order = requested(APPELKERKE);
        CurrentUser officer = AuditFixtures.officer(jdbc);
        mvc.perform(post("/audits/" + order.id() + "/approve")
                        .with(signedIn(officer))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("problem", "auditOrder.confirm.required"));
        assertThat(store.find(order.id()).orElseThrow().status()).isEqualTo(AuditStatus.REQUESTED);
        mvc.perform(post("/audits/" + order.id() + "/approve")
                        .param("confirmed", "true")
                        .with(signedIn(officer))
                        .with(csrf()))
                .andExpect(flash().attribute("notice", "auditOrder.approved"));
        assertThat(store.find(order.id()).orElseThrow().status()).isEqualTo(AuditStatus.APPROVED);
        // An organisation admin cannot decide, and an auditor of no firm finds no such order.
        mvc.perform(post("/audits/" + order.id() + "/refuse")
                        .param("confirmed", "true")
                        .param("reason", "nee")
                        .with(signedIn(admin))
                        .with(csrf()))
                .andExpect(status().isForbidden());
    }

    @Test
    void theAuditorsUploadIsCheckedByContent() throws Exception {
        AuditOrder order = requested(APPELKERKE);
        jdbc.sql("UPDATE audit_order SET status = 'IN_PROGRESS', firm = :firm WHERE id = :id")
                .param("firm", AuditFixtures.FIRM)
                .param("id", order.id().value())
                .update();
        CurrentUser auditor = AuditFixtures.auditor(jdbc);
        mvc.perform(multipart("/audits/" + order.id() + "/report")
                        .file(new MockMultipartFile(
                                "file", "rapport.pdf", "application/pdf", "<html>nep</html>".getBytes()))
                        .with(signedIn(auditor))
                        .with(csrf()))
                .andExpect(flash().attribute("problem", "auditOrder.report.notPdf"));
        assertThat(store.find(order.id()).orElseThrow().status()).isEqualTo(AuditStatus.IN_PROGRESS);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE event_type = 'UPLOAD_REFUSED' AND details LIKE"
                                + " '%rapport.pdf%'")
                        .query(Long.class)
                        .single())
                .isPositive();
        mvc.perform(get("/audits/" + order.id()).with(signedIn(auditor)))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(containsString("Bevinding noteren"), containsString("Rapport opladen"))));
        // A finding with an empty field comes back as typed.
        mvc.perform(post("/audits/" + order.id() + "/findings")
                        .param("title", "Zwak wachtwoordbeleid")
                        .param("severity", "HIGH")
                        .param("description", "")
                        .param("recommendation", "Langere wachtwoorden")
                        .with(signedIn(auditor))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("value=\"Zwak wachtwoordbeleid\""),
                                containsString("Vul dit veld in."))));
    }

    @Test
    void theOrganisationReadsFindingsAndTheProgrammeOfficeOnlyTheirNumber() throws Exception {
        UUID completed = completedDemoOrder();
        mvc.perform(get("/audits/" + completed).with(signedIn(admin)))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                containsString("Geen offline kopie van de back-ups"),
                                containsString("Afrekening (pdf)"))));
        mvc.perform(get("/audits/" + completed).with(signedIn(AuditFixtures.officer(jdbc))))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(allOf(
                                not(containsString("Geen offline kopie van de back-ups")),
                                containsString("noteerde 1 bevinding"))));
        mvc.perform(get("/audits/" + completed + "/report").with(signedIn(AuditFixtures.officer(jdbc))))
                .andExpect(status().isNotFound());
    }

    @Test
    void theSettlementStatementIsATaggedPdfWithBothShares() throws Exception {
        byte[] pdf = mvc.perform(get("/audits/" + completedDemoOrder() + "/statement.pdf")
                        .with(signedIn(admin)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("Gemeente Appelkerke", "Aandeel programma", "Basisaudits");
            assertThat(document.getDocumentCatalog().getStructureTreeRoot()).isNotNull();
            assertThat(document.getDocumentCatalog().getLanguage()).isEqualTo("nl");
        }
    }

    @Test
    void anotherOrganisationsOrderIsNotThereOnPageOrApi() throws Exception {
        AuditOrder order = requested(APPELKERKE);
        CurrentUser other =
                TestUsers.member(DemoOrganisationIds.OCMW_MUNTHOVE.value(), OrganisationRole.ORGANISATION_ADMIN);
        mvc.perform(get("/audits/" + order.id()).with(signedIn(other))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/audit-orders/" + order.id()).with(signedIn(other)))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        mvc.perform(get("/api/v1/audit-orders/" + order.id()).with(signedIn(admin)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.reference").value(order.reference()))
                .andExpect(jsonPath("$.programmeShare").value(6050.00));
        mvc.perform(post("/audits/" + order.id() + "/cancel")
                        .param("confirmed", "true")
                        .with(signedIn(other))
                        .with(csrf()))
                .andExpect(status().isNotFound());
    }
}
