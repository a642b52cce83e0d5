package be.bolwerk;

import static be.bolwerk.TestUsers.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import be.bolwerk.assessment.Fixtures;
import be.bolwerk.findings.RegisterWrites;
import be.bolwerk.identity.SignIn;
import be.bolwerk.incident.IncidentFixtures;
import be.bolwerk.organisation.demo.DemoOrganisationIds;
import be.bolwerk.shared.BelgianTime;
import be.bolwerk.shared.security.CurrentUser;
import be.bolwerk.shared.security.OrganisationRole;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Tenant isolation for every endpoint, found from the request mappings rather than listed by hand: a new
 * endpoint is covered the moment it exists. The intruder is the admin of Gemeente Appelkerke; the victim is
 * OCMW Munthove. Every endpoint that takes an id is called with the victim's id and must refuse (404 for data
 * that is not yours, 403 for a function that is not yours) without a trace of the victim in the answer;
 * every list and export must answer as expected for an organisation admin, show the own organisation and not
 * the victim. Documents are searched as text (PDFs through PDFBox), never as compressed bytes.
 */
@SpringBootTest
@AutoConfigureMockMvc
class TenantIsolationTests {

    /**
     * The victim's id for each path that takes one. A new endpoint with an id fails this test until its path
     * is added here with an id of data that belongs to the victim organisation or one of its people.
     */
    private Map<String, String> victimIds() throws Exception {
        return Map.ofEntries(
                Map.entry("/organisations/{id}", DemoOrganisationIds.OCMW_MUNTHOVE.toString()),
                Map.entry("/api/v1/organisations/{id}", DemoOrganisationIds.OCMW_MUNTHOVE.toString()),
                Map.entry("/account/sessions/{handle}", victimSessionHandle()),
                Map.entry("/account/tokens/{id}", victimTokenId()),
                Map.entry("/admin/users/{id}", victimAccountId()),
                Map.entry("/members/{accountId}", victimAccountId()),
                Map.entry("/account/factors/passkeys/{credentialId}", victimPasskeyId()),
                Map.entry("/frameworks/imports/{importId}", UUID.randomUUID().toString()),
                // An invitation link is its own credential: a link that is not yours is an unknown one (404).
                Map.entry("/invitation/{token}", "A".repeat(43)),
                Map.entry("/password-reset/{token}", "A".repeat(43)),
                // Several ids in one path: the values fill the placeholders in order.
                Map.entry("/assessments/{id}/areas/{ref}", victimAssessmentId() + ",AD01"),
                Map.entry("/assessments/{id}/answers/{ref}", victimAssessmentId() + ",AD01.1"),
                Map.entry("/assessments/{id}", victimAssessmentId()),
                Map.entry("/api/v1/assessments/{id}/answers/{ref}", victimAssessmentId() + ",AD01.1"),
                Map.entry("/api/v1/assessments/{id}", victimAssessmentId()),
                Map.entry("/assessments/{id}/evidence/{evidenceId}", victimAssessmentId() + "," + victimEvidenceId()),
                Map.entry("/assessments/{id}/actions/{actionId}", victimAssessmentId() + "," + victimActionId()),
                Map.entry("/assessments/{id}/controls/{ref}/comments", victimAssessmentId() + ",AD01.1"),
                // Campaign pages are the programme office's: an organisation admin is refused every one of them.
                Map.entry("/campaigns/{id}", victimCampaignId()),
                Map.entry("/campaigns/{id}/export.xlsx", victimCampaignId()),
                Map.entry("/campaigns/{id}/reminder", victimCampaignId()),
                Map.entry(
                        "/campaigns/{id}/organisations/{organisationId}/extension",
                        victimCampaignId() + "," + DemoOrganisationIds.OCMW_MUNTHOVE),
                // The programme's money is the programme office's: an organisation admin is refused every line.
                Map.entry("/budget/{id}", victimBudgetLineId()),
                Map.entry("/budget/{id}/edit", victimBudgetLineId()),
                Map.entry("/budget/{id}/ledger.xlsx", victimBudgetLineId()),
                Map.entry("/api/v1/budget-lines/{id}", victimBudgetLineId()),
                Map.entry("/api/v1/budget-lines/{id}/ledger", victimBudgetLineId()),
                // An audit order of the victim: not the intruder's to see, nor to take a step on.
                Map.entry("/audits/{id}", victimAuditOrderId()),
                Map.entry("/api/v1/audit-orders/{id}", victimAuditOrderId()),
                // The victim's engagement (the demo one awaiting its signature); files and findings below it.
                Map.entry("/engagements/{id}", victimEngagementId()),
                Map.entry("/engagements/{id}/consents/{consentId}", victimEngagementId() + "," + UUID.randomUUID()),
                Map.entry("/engagements/{id}/evidence/{evidenceId}", victimEngagementId() + "," + UUID.randomUUID()),
                Map.entry("/engagements/{id}/findings/{findingId}", victimEngagementId() + "," + UUID.randomUUID()),
                Map.entry("/api/v1/engagements/{id}", victimEngagementId()),
                // A finding of the victim's register: every page and step below it, and the API.
                Map.entry("/findings/{id}", victimFindingId()),
                Map.entry("/api/v1/findings/{id}", victimFindingId()),
                // An import of the victim's register: its preview, its result and its confirmation.
                Map.entry("/findings/import/{id}", victimImportId()),
                // Risk acceptance: a proposal of the victim, its pages, steps, proof file and the API.
                Map.entry("/findings/risk-acceptances/{id}", victimRiskAcceptanceId()),
                Map.entry("/api/v1/findings/risk-acceptances/{id}", victimRiskAcceptanceId()),
                // An incident of the victim: its page, every step and section below it, and the API.
                Map.entry("/incidents/{id}", victimIncidentId()),
                Map.entry("/incidents/{id}/guests/{grantId}", victimIncidentId() + "," + UUID.randomUUID()),
                Map.entry("/incidents/{id}/support/{supportId}", victimIncidentId() + "," + victimSupportId()),
                Map.entry("/incidents/{id}/lessons/{lessonId}", victimIncidentId() + "," + UUID.randomUUID()),
                Map.entry("/emergency-support/{supportId}", victimSupportId()),
                // Its assets and evidence files (ADR 0038): the victim's incident with any second id.
                Map.entry("/incidents/{id}/assets/{assetId}", victimIncidentId() + "," + UUID.randomUUID()),
                Map.entry("/incidents/{id}/evidence/{evidenceId}", victimIncidentId() + "," + UUID.randomUUID()),
                Map.entry("/incidents/{id}/obligations/{obligationId}", victimIncidentId() + "," + UUID.randomUUID()),
                Map.entry("/incidents/{id}/notices/{noticeId}", victimIncidentId() + "," + UUID.randomUUID()),
                Map.entry("/api/v1/incidents/{id}/notices/{noticeId}", victimIncidentId() + "," + UUID.randomUUID()),
                Map.entry("/api/v1/incidents/{id}", victimIncidentId()),
                // Handling: a step by its name and a task of the victim's incident; playbooks are the CRT's own.
                Map.entry("/incidents/{id}/handling/steps/{step}", victimIncidentId() + ",contain"),
                Map.entry("/incidents/{id}/handling/tasks/{taskId}", victimIncidentId() + "," + victimIncidentTaskId()),
                Map.entry("/incidents/playbooks/{taskId}", anyPlaybookTaskId()));
    }

    /** A task of the victim's incident if it has one (it has after triage), else a made-up id: 404 either way. */
    private String victimIncidentTaskId() {
        return jdbc.sql("SELECT id FROM incident_task WHERE incident_id = :id ORDER BY position LIMIT 1")
                .param("id", UUID.fromString(victimIncidentId()))
                .query(UUID.class)
                .optional()
                .orElseGet(UUID::randomUUID)
                .toString();
    }

    private String anyPlaybookTaskId() {
        return jdbc.sql("SELECT id FROM incident_playbook_task ORDER BY category, position LIMIT 1")
                .query(UUID.class)
                .single()
                .toString();
    }

    /** A request for emergency support of the victim, for its incident (written here: no demo data). */
    private String victimSupportId() {
        UUID organisation = DemoOrganisationIds.OCMW_MUNTHOVE.value();
        Optional<UUID> existing = jdbc.sql("SELECT id FROM emergency_support WHERE organisation_id = :org LIMIT 1")
                .param("org", organisation)
                .query(UUID.class)
                .optional();
        if (existing.isPresent()) {
            return existing.get().toString();
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO emergency_support (id, incident_id, organisation_id, reference, incident_reference,
                            purpose, amount, motivation, status, requested_by, requester_name, requested_at, revision)
                        VALUES (:id, :incident, :org, :reference, 'INC-MUNTHOVE', 'Forensisch onderzoek Munthove',
                            9000.00, 'Munthove kan het niet alleen', 'REQUESTED', :by, 'Munthove', CURRENT_TIMESTAMP, 0)
                        """)
                .param("id", id)
                .param("incident", UUID.fromString(victimIncidentId()))
                .param("org", organisation)
                .param("reference", "NOOD-" + id.toString().substring(0, 8))
                .param("by", UUID.randomUUID())
                .update();
        return id.toString();
    }

    /** An incident the victim organisation reported, named after it (incidents are no demo data yet). */
    private String victimIncidentId() {
        UUID organisation = DemoOrganisationIds.OCMW_MUNTHOVE.value();
        Optional<UUID> existing = jdbc.sql(
                        "SELECT id FROM incident WHERE organisation_id = :org ORDER BY reported_at, id LIMIT 1")
                .param("org", organisation)
                .query(UUID.class)
                .optional();
        if (existing.isPresent()) {
            return existing.get().toString();
        }
        return context.getBean(IncidentFixtures.class)
                .report(
                        organisation,
                        "Ransomware bij OCMW Munthove",
                        new be.bolwerk.incident.handling.Actor(UUID.randomUUID(), "Munthove"),
                        Instant.now())
                .id()
                .toString();
    }

    /** A previewed import of the victim organisation, written here (imports are no demo data). */
    private String victimImportId() {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO finding_import (id, organisation_id, uploaded_by, uploader_name, format, file_name,
                            file_sha256, row_count, rows_json, status, created_at)
                        VALUES (:id, :org, :by, 'Munthove', 'CSV', 'munthove.csv', :sha, 0, '[]', 'PREVIEWED',
                            CURRENT_TIMESTAMP)
                        """)
                .param("id", id)
                .param("org", DemoOrganisationIds.OCMW_MUNTHOVE.value())
                .param("by", UUID.randomUUID())
                .param("sha", "0".repeat(64))
                .update();
        return id.toString();
    }

    /** A finding of the victim organisation, named after it (the demo register has some; written here if not). */
    private String victimFindingId() {
        UUID organisation = DemoOrganisationIds.OCMW_MUNTHOVE.value();
        Optional<UUID> existing = jdbc.sql(
                        "SELECT id FROM finding WHERE organisation_id = :org ORDER BY created_at, id LIMIT 1")
                .param("org", organisation)
                .query(UUID.class)
                .optional();
        if (existing.isPresent()) {
            return existing.get().toString();
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO finding (id, organisation_id, title, description, source, severity, affected_system,
                            recommendation, sla_start, control_ref, known_exploited, external_id, status, created_at,
                            revision)
                        VALUES (:id, :org, 'Firewall van Munthove', '', 'MANUAL', 'HIGH', 'Munthove', '', CURRENT_DATE,
                            '', FALSE, '', 'NEW', CURRENT_TIMESTAMP, 0)
                        """).param("id", id).param("org", organisation).update();
        RegisterWrites.moved(jdbc);
        return id.toString();
    }

    /** A risk acceptance of the victim organisation over one of its findings, with a proof file, named after it. */
    private String victimRiskAcceptanceId() {
        UUID organisation = DemoOrganisationIds.OCMW_MUNTHOVE.value();
        Optional<UUID> existing = jdbc.sql("SELECT id FROM risk_acceptance WHERE organisation_id = :org LIMIT 1")
                .param("org", organisation)
                .query(UUID.class)
                .optional();
        if (existing.isPresent()) {
            return existing.get().toString();
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO risk_acceptance (id, organisation_id, title, decision, measures, reference, owner_id,
                            owner_name, expires_on, status, proposed_by, proposed_by_name, proposed_at, proof_name,
                            proof_size, revision)
                        VALUES (:id, :org, 'Firewall van Munthove aanvaard', 'ACCEPT', 'Munthove', 'Munthove', :org,
                            'Mehmet Munters', CURRENT_DATE + 30, 'PROPOSED', :org, 'Mehmet Munters', CURRENT_TIMESTAMP,
                            'munthove.pdf', 4, 0)
                        """).param("id", id).param("org", organisation).update();
        jdbc.sql("INSERT INTO risk_acceptance_finding (acceptance_id, finding_id, organisation_id)"
                        + " VALUES (:id, :finding, :org)")
                .param("id", id)
                .param("finding", UUID.fromString(victimFindingId()))
                .param("org", organisation)
                .update();
        jdbc.sql("INSERT INTO risk_acceptance_proof (acceptance_id, content) VALUES (:id, :content)")
                .param("id", id)
                .param("content", "Munthove".getBytes(StandardCharsets.UTF_8))
                .update();
        return id.toString();
    }

    /** An audit order of the victim organisation (the demo has one; written here when it does not). */
    private String victimAuditOrderId() {
        return jdbc.sql("SELECT id FROM audit_order WHERE organisation_id = :org LIMIT 1")
                .param("org", DemoOrganisationIds.OCMW_MUNTHOVE.value())
                .query(UUID.class)
                .optional()
                .map(UUID::toString)
                .orElseGet(() ->
                        be.bolwerk.audit.AuditFixtures.victimOrder(jdbc, DemoOrganisationIds.OCMW_MUNTHOVE.value()));
    }

    /** The one id that this query (with {@code :org}) finds for the victim organisation, as text. */
    private String victimsOne(String sql) {
        return jdbc.sql(sql)
                .param("org", DemoOrganisationIds.OCMW_MUNTHOVE.value())
                .query(UUID.class)
                .single()
                .toString();
    }

    /** An engagement of the victim organisation, named after it. */
    private String victimEngagementId() {
        return victimsOne("SELECT id FROM engagement WHERE organisation_id = :org ORDER BY requested_at LIMIT 1");
    }

    /** A budget line with a commitment for the victim organisation. */
    private String victimBudgetLineId() {
        return jdbc.sql("SELECT budget_line_id FROM budget_commitment WHERE organisation_id = :org LIMIT 1")
                .param("org", DemoOrganisationIds.OCMW_MUNTHOVE.value())
                .query(UUID.class)
                .optional()
                .map(UUID::toString)
                .orElseGet(() -> be.bolwerk.funding.FundingFixtures.lineWithCommitment(
                        jdbc, DemoOrganisationIds.OCMW_MUNTHOVE.value()));
    }

    /** The demo campaign, to which the victim organisation is invited. */
    private String victimCampaignId() {
        return victimsOne("SELECT campaign_id FROM campaign_participant WHERE organisation_id = :org LIMIT 1");
    }

    /** An improvement action of the victim's assessment, named after the victim. */
    private String victimActionId() {
        UUID assessment = UUID.fromString(victimAssessmentId());
        UUID organisation = DemoOrganisationIds.OCMW_MUNTHOVE.value();
        jdbc.sql("""
                        INSERT INTO improvement_action (organisation_id, id, assessment_id, control_ref, title,
                            due_date, priority, created_by, created_at)
                        VALUES (:org, :id, :assessment, 'AD01.1', 'Beleid Munthove', CURRENT_DATE, 'HIGH', :org,
                            CURRENT_TIMESTAMP)
                        ON CONFLICT DO NOTHING
                        """)
                .param("org", organisation)
                .param("id", UUID.randomUUID())
                .param("assessment", assessment)
                .update();
        return jdbc.sql("SELECT id FROM improvement_action WHERE assessment_id = :a AND title = 'Beleid Munthove'")
                .param("a", assessment)
                .query(UUID.class)
                .single()
                .toString();
    }

    /** A draft self-evaluation of the victim organisation, with an answer whose comment names it. */
    private String victimAssessmentId() {
        UUID organisation = DemoOrganisationIds.OCMW_MUNTHOVE.value();
        Optional<UUID> existing = jdbc.sql("SELECT id FROM assessment WHERE organisation_id = :org")
                .param("org", organisation)
                .query(UUID.class)
                .optional();
        if (existing.isPresent()) {
            return existing.get().toString();
        }
        UUID framework = Fixtures.builtIn(jdbc, "quickscan-actiedomeinen");
        UUID id = Fixtures.storedAssessment(jdbc, organisation, framework, 2026, "DRAFT", null, null);
        Fixtures.storedAnswer(jdbc, organisation, id, "AD01.1", 2, 2, "Beleid van Munthove", 1);
        return id.toString();
    }

    /** A file of evidence in the victim's assessment, named after the victim. */
    private String victimEvidenceId() {
        UUID assessment = UUID.fromString(victimAssessmentId());
        UUID organisation = DemoOrganisationIds.OCMW_MUNTHOVE.value();
        Optional<UUID> existing = jdbc.sql("SELECT id FROM assessment_evidence WHERE assessment_id = :id")
                .param("id", assessment)
                .query(UUID.class)
                .optional();
        if (existing.isPresent()) {
            return existing.get().toString();
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO assessment_evidence (organisation_id, id, assessment_id, control_ref, kind, name,
                            content_type, size_bytes, content, uploaded_by, uploaded_at)
                        VALUES (:org, :id, :assessment, 'AD01.1', 'FILE', 'munthove-beleid.txt', 'text/plain', 8, :content,
                            :org, CURRENT_TIMESTAMP)
                        """)
                .param("org", organisation)
                .param("id", id)
                .param("assessment", assessment)
                .param("content", "Munthove".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .update();
        return id.toString();
    }

    /**
     * A passkey row of the victim organisation's admin. Written directly: registering a real one takes a
     * browser ceremony (BrowserTests does that); here only its ownership matters.
     */
    private String victimPasskeyId() {
        String credentialId = "bXVudGhvdmUtcGFzc2tleQ";
        if (jdbc.sql("SELECT COUNT(*) FROM user_credentials WHERE credential_id = :id")
                        .param("id", credentialId)
                        .query(Long.class)
                        .single()
                == 0) {
            jdbc.sql("INSERT INTO user_entities (id, name, display_name) VALUES ('dmljdGlt', :email, :email)")
                    .param("email", "iso@munthove.invalid")
                    .update();
            jdbc.sql("""
                            INSERT INTO user_credentials (credential_id, user_entity_user_id, public_key,
                                backup_eligible, backup_state, label)
                            VALUES (:id, 'dmljdGlt', :key, FALSE, FALSE, 'Laptop Munthove')
                            """)
                    .param("id", credentialId)
                    .param("key", new byte[] {1, 2, 3})
                    .update();
        }
        return credentialId;
    }

    /**
     * Paths whose id names programme-wide content that every signed-in person may read (frameworks). They must
     * answer 200 (a refusal would hide whether the content is shown) without a trace of the victim; the life-cycle
     * actions below them answer 403 to anyone but the programme office.
     */
    private static final Set<String> PROGRAMME_WIDE = Set.of("/frameworks/{id}", "/api/v1/frameworks/{id}");

    private String anyFrameworkId() {
        // A draft is programme-office content (404 for everyone else): take a published version.
        return jdbc.sql("SELECT id FROM framework_version WHERE status = 'PUBLISHED' ORDER BY code LIMIT 1")
                .query(UUID.class)
                .single()
                .toString();
    }

    private String victimAccountId() {
        return jdbc.sql("SELECT id FROM user_account WHERE email = 'iso@munthove.invalid'")
                .query(UUID.class)
                .single()
                .toString();
    }

    /** An API token of the victim organisation's admin, made through the page as that admin would. */
    private String victimTokenId() throws Exception {
        UUID admin = jdbc.sql("SELECT id FROM user_account WHERE email = 'iso@munthove.invalid'")
                .query(UUID.class)
                .single();
        CurrentUser victim = new CurrentUser(
                admin,
                "iso@munthove.invalid",
                "Mehmet Munters",
                null,
                true,
                Set.of(),
                Map.of(DemoOrganisationIds.OCMW_MUNTHOVE.value(), OrganisationRole.ORGANISATION_ADMIN));
        mvc.perform(MockMvcRequestBuilders.post("/account/tokens")
                .param("name", "victim")
                .param("scope", "READ")
                .param("validityDays", "30")
                .with(signedIn(victim))
                .with(csrf()));
        return jdbc.sql("SELECT id FROM api_token WHERE user_account_id = :admin ORDER BY created_at DESC LIMIT 1")
                .param("admin", admin)
                .query(UUID.class)
                .single()
                .toString();
    }

    /** The handle of a live session of the victim organisation's admin (the password step creates one). */
    private String victimSessionHandle() throws Exception {
        return SignIn.sessionHandle(context, SignIn.passwordOnly(mvc, "iso@munthove.invalid", "bolwerk-demo-2026"));
    }

    /**
     * Words that would betray the victim's data in an answer: its name and its contact address. Not its id:
     * the intruder sent that id and may see it echoed (a problem's {@code instance}, a language link).
     */
    private static final List<String> VICTIM_TRACES = List.of("Munthove", "munthove");

    /** The intruder's own organisation, Gemeente Appelkerke, as its pages and documents name it. */
    private static final String OWN_ORGANISATION = "Appelkerke";

    /**
     * Pages that hold no organisation data: the same for everyone, or about the signed-in account's own
     * sign-in factors (which need a stored account, unlike the made-up intruder).
     */
    private static final Set<String> NOT_TENANT_DATA = Set.of("/login", "/error", "/mfa", "/account/factors");

    private final MockMvc mvc;
    private final JdbcClient jdbc;
    private final RequestMappingHandlerMapping mappings;
    private final ApplicationContext context;
    private final CurrentUser intruder =
            TestUsers.member(DemoOrganisationIds.APPELKERKE.value(), OrganisationRole.ORGANISATION_ADMIN);

    TenantIsolationTests(
            @Autowired MockMvc mvc,
            @Autowired JdbcClient jdbc,
            @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings,
            @Autowired ApplicationContext context) {
        this.mvc = mvc;
        this.jdbc = jdbc;
        this.mappings = mappings;
        this.context = context;
    }

    @Test
    void everyEndpointThatTakesAnIdRefusesAnotherOrganisationsData() throws Exception {
        List<String> checked = new ArrayList<>();
        Map<String, String> victimIds = victimIds();
        for (Endpoint endpoint : ownEndpoints()) {
            if (!endpoint.path().contains("{")) {
                continue;
            }
            if (PROGRAMME_WIDE.stream().anyMatch(endpoint.path()::startsWith)) {
                String url = endpoint.path().replaceFirst("\\{[^}]+}", anyFrameworkId());
                MockHttpServletResponse response = mvc.perform(MockMvcRequestBuilders.request(endpoint.method(), url)
                                .with(signedIn(intruder))
                                .with(csrf()))
                        .andReturn()
                        .getResponse();
                // Reading is for everyone; publishing, retiring and deleting only for the programme office.
                boolean read = endpoint.method() == org.springframework.http.HttpMethod.GET;
                assertThat(response.getStatus())
                        .as(
                                "%s %s is %s",
                                endpoint.method(),
                                url,
                                read ? "readable for every signed-in person" : "for the programme office only")
                        .isEqualTo(read ? 200 : 403);
                assertNoTraceOfTheVictim(endpoint, response);
                continue;
            }
            String url = victimUrl(victimIds, endpoint.path());
            MockHttpServletResponse response = mvc.perform(
                            withBody(endpoint, MockMvcRequestBuilders.request(endpoint.method(), url))
                                    .with(signedIn(intruder))
                                    .with(csrf()))
                    .andReturn()
                    .getResponse();
            assertThat(response.getStatus())
                    .as("%s %s must refuse another organisation's data", endpoint.method(), url)
                    .isIn(403, 404);
            assertNoTraceOfTheVictim(endpoint, response);
            checked.add(endpoint.method() + " " + endpoint.path());
        }
        assertThat(checked)
                .as("the endpoints with an id that were checked")
                .contains("GET /organisations/{id}", "POST /organisations/{id}", "GET /api/v1/organisations/{id}");
    }

    /**
     * What the intruder, an organisation admin, must get from each page, list and export without an id. A list
     * that refused everyone, or showed nothing, would hide a leak as well as no leak: the own organisation's data
     * must be there. A new one fails this test until it is added here.
     */
    private enum Expected {
        /** 200 with the own organisation's name or id in it. */
        OWN_DATA,
        /** 200; the page holds no organisation's data (forms, the signed-in account's own things, programme-wide). */
        NO_ORGANISATION_DATA,
        /** 403: a function of another role. */
        NOT_FOR_THIS_ROLE,
        /** A page of the sign-in steps: a signed-in person is sent on. */
        SENT_ON
    }

    private static final Map<String, Expected> LISTS = Map.ofEntries(
            Map.entry("/", Expected.OWN_DATA),
            Map.entry("/organisations", Expected.OWN_DATA),
            Map.entry("/organisations/export.xlsx", Expected.OWN_DATA),
            Map.entry("/api/v1/organisations", Expected.OWN_DATA),
            Map.entry("/members", Expected.OWN_DATA),
            Map.entry("/assessments", Expected.OWN_DATA),
            Map.entry("/api/v1/assessments", Expected.OWN_DATA),
            Map.entry("/engagements", Expected.OWN_DATA),
            Map.entry("/engagements/new", Expected.OWN_DATA),
            Map.entry("/api/v1/engagements", Expected.OWN_DATA),
            Map.entry("/findings", Expected.OWN_DATA),
            Map.entry("/findings/new", Expected.OWN_DATA),
            Map.entry("/findings/sla", Expected.OWN_DATA),
            Map.entry("/findings/import", Expected.OWN_DATA),
            Map.entry("/api/v1/findings", Expected.OWN_DATA),
            Map.entry("/findings/report", Expected.OWN_DATA),
            Map.entry("/findings/report/register.xlsx", Expected.OWN_DATA),
            Map.entry("/findings/report/plan.pdf", Expected.OWN_DATA),
            Map.entry("/findings/programme", Expected.NOT_FOR_THIS_ROLE),
            Map.entry("/incidents/playbooks", Expected.NOT_FOR_THIS_ROLE),
            Map.entry("/api/v1/findings/programme", Expected.NOT_FOR_THIS_ROLE),
            Map.entry("/findings/risk-acceptances", Expected.OWN_DATA),
            Map.entry("/findings/risk-acceptances/new", Expected.OWN_DATA),
            Map.entry("/api/v1/findings/risk-acceptances", Expected.OWN_DATA),
            Map.entry("/findings/sla/risk-acceptance", Expected.NOT_FOR_THIS_ROLE),
            Map.entry("/account/password", Expected.NO_ORGANISATION_DATA),
            Map.entry("/account/tokens", Expected.NO_ORGANISATION_DATA),
            Map.entry("/account/sessions", Expected.NO_ORGANISATION_DATA),
            Map.entry("/account/preferences", Expected.NO_ORGANISATION_DATA),
            Map.entry("/password-reset", Expected.NO_ORGANISATION_DATA),
            Map.entry("/frameworks", Expected.NO_ORGANISATION_DATA),
            Map.entry("/api/v1/frameworks", Expected.NO_ORGANISATION_DATA),
            Map.entry("/organisations/new", Expected.NOT_FOR_THIS_ROLE),
            Map.entry("/programme/assessments", Expected.NOT_FOR_THIS_ROLE),
            Map.entry("/campaigns", Expected.NOT_FOR_THIS_ROLE),
            Map.entry("/campaigns/new", Expected.NOT_FOR_THIS_ROLE),
            Map.entry("/budget", Expected.NOT_FOR_THIS_ROLE),
            Map.entry("/budget/new", Expected.NOT_FOR_THIS_ROLE),
            Map.entry("/emergency-support", Expected.NOT_FOR_THIS_ROLE),
            Map.entry("/api/v1/budget-lines", Expected.NOT_FOR_THIS_ROLE),
            Map.entry("/audits", Expected.OWN_DATA),
            Map.entry("/audits/new", Expected.OWN_DATA),
            Map.entry("/api/v1/audit-orders", Expected.OWN_DATA),
            Map.entry("/admin/users", Expected.NOT_FOR_THIS_ROLE),
            Map.entry("/admin/audit", Expected.NOT_FOR_THIS_ROLE),
            Map.entry("/admin/audit/export.jsonl", Expected.NOT_FOR_THIS_ROLE),
            Map.entry("/admin/mailbox", Expected.NOT_FOR_THIS_ROLE),
            Map.entry("/api/v1/audit-trail/checkpoint", Expected.NOT_FOR_THIS_ROLE),
            Map.entry("/api/v1/audit-trail/events", Expected.NOT_FOR_THIS_ROLE),
            Map.entry("/incidents/breach-register", Expected.OWN_DATA),
            Map.entry("/incidents/breach-register/export.xlsx", Expected.OWN_DATA),
            Map.entry("/incidents/authorities", Expected.NOT_FOR_THIS_ROLE),
            // Incident intake (ADR 0036); the API list holds no own incident unless one was reported, so 200 only.
            Map.entry("/incidents", Expected.OWN_DATA),
            Map.entry("/incidents/new", Expected.OWN_DATA),
            Map.entry("/incidents/phone", Expected.NOT_FOR_THIS_ROLE),
            // The CRT dashboard (ADR 0044): the CRT and the programme office only.
            Map.entry("/incidents/dashboard", Expected.NOT_FOR_THIS_ROLE),
            Map.entry("/incidents/dashboard/months.csv", Expected.NOT_FOR_THIS_ROLE),
            Map.entry("/incidents/dashboard/breaches.csv", Expected.NOT_FOR_THIS_ROLE),
            Map.entry("/api/v1/incidents", Expected.NO_ORGANISATION_DATA),
            Map.entry("/noodnummer", Expected.NO_ORGANISATION_DATA),
            // A guest's incidents (ADR 0043): read by the signed-in account's own grants, empty for an admin.
            Map.entry("/guest", Expected.NO_ORGANISATION_DATA),
            Map.entry("/login/throttled", Expected.SENT_ON),
            Map.entry("/mfa/throttled", Expected.SENT_ON));

    @Test
    void listsAndExportsNeverShowAnotherOrganisation() throws Exception {
        // The own organisation has a self-evaluation, so that the lists of them have something to show.
        ownAssessmentId();
        List<String> checked = new ArrayList<>();
        for (Endpoint endpoint : ownEndpoints()) {
            if (endpoint.path().contains("{")
                    || endpoint.method() != HttpMethod.GET
                    || NOT_TENANT_DATA.contains(endpoint.path())) {
                continue;
            }
            Expected expected = LISTS.get(endpoint.path());
            if (expected == null) {
                fail(
                        "GET %s is not classified: add it to LISTS with what an organisation admin must get",
                        endpoint.path());
            }
            MockHttpServletResponse response = mvc.perform(
                            MockMvcRequestBuilders.get(endpoint.path()).with(signedIn(intruder)))
                    .andReturn()
                    .getResponse();
            String body = readable(response);
            String what = "GET " + endpoint.path() + " (" + expected + ")";
            switch (expected) {
                case OWN_DATA -> {
                    assertThat(response.getStatus()).as(what).isEqualTo(200);
                    assertThat(body)
                            .as("%s shows the own organisation", what)
                            .containsAnyOf(OWN_ORGANISATION, DemoOrganisationIds.APPELKERKE.toString());
                }
                case NO_ORGANISATION_DATA ->
                    assertThat(response.getStatus()).as(what).isEqualTo(200);
                case NOT_FOR_THIS_ROLE ->
                    assertThat(response.getStatus()).as(what).isEqualTo(403);
                case SENT_ON -> assertThat(response.getStatus()).as(what).isEqualTo(302);
            }
            // Nothing was asked about the victim here, so even its id would be a leak.
            assertThat(body)
                    .as("%s leaks the id of OCMW Munthove", what)
                    .doesNotContain(DemoOrganisationIds.OCMW_MUNTHOVE.toString());
            assertNoTraceOfTheVictim(endpoint, response);
            checked.add(endpoint.path());
        }
        assertThat(checked).as("every classified list was found").containsExactlyInAnyOrderElementsOf(LISTS.keySet());
    }

    /**
     * The own organisation's documents, read as text: the PDF report's streams are compressed, so a search of
     * its bytes would find neither the own name nor a leaked one. Finding the own name proves the text is read.
     */
    @Test
    void ownDocumentsAreReadAsTextAndShowNoOtherOrganisation() throws Exception {
        String own = ownAssessmentId();
        for (String path : List.of("/assessments/" + own + "/report.pdf", "/assessments/" + own + "/export.xlsx")) {
            MockHttpServletResponse response = mvc.perform(
                            MockMvcRequestBuilders.get(path).with(signedIn(intruder)))
                    .andReturn()
                    .getResponse();
            assertThat(response.getStatus()).as("GET %s", path).isEqualTo(200);
            String text = readable(response);
            if (path.endsWith(".pdf")) {
                assertThat(text).as("the text of %s", path).contains(OWN_ORGANISATION);
            } else {
                assertThat(text).as("the text of %s", path).contains("AD01.1");
            }
            for (String trace : VICTIM_TRACES) {
                assertThat(text).as("%s leaks '%s'", path, trace).doesNotContain(trace);
            }
        }
    }

    /**
     * A self-evaluation of the intruder's own organisation: an existing one, or one started through the page as
     * its admin would.
     */
    private String ownAssessmentId() throws Exception {
        UUID organisation = DemoOrganisationIds.APPELKERKE.value();
        Optional<UUID> existing = jdbc.sql(
                        "SELECT id FROM assessment WHERE organisation_id = :org ORDER BY assessment_year DESC LIMIT 1")
                .param("org", organisation)
                .query(UUID.class)
                .optional();
        if (existing.isPresent()) {
            return existing.get().toString();
        }
        UUID framework = jdbc.sql("SELECT id FROM framework_version WHERE code = 'quickscan-actiedomeinen'"
                        + " AND source = 'BUILT_IN'")
                .query(UUID.class)
                .single();
        String location = mvc.perform(MockMvcRequestBuilders.post("/assessments")
                        .param("organisationId", organisation.toString())
                        .param("frameworkVersionId", framework.toString())
                        .param("year", String.valueOf(BelgianTime.yearOf(Instant.now())))
                        .with(signedIn(intruder))
                        .with(csrf()))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        assertThat(location).as("the started self-evaluation").matches("/assessments/[0-9a-f-]{36}");
        return location.substring("/assessments/".length());
    }

    /** {@code jsonBody}: the handler reads a JSON body, so the call sends a plausible one ("{}"). */
    private record Endpoint(HttpMethod method, String path, boolean jsonBody) {}

    /** Every handler method of Bolwerk's own controllers, with each of its paths and HTTP methods. */
    private List<Endpoint> ownEndpoints() {
        Map<String, Endpoint> endpoints = new LinkedHashMap<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry :
                mappings.getHandlerMethods().entrySet()) {
            if (!entry.getValue().getBeanType().getPackageName().startsWith("be.bolwerk")) {
                continue;
            }
            Set<RequestMethod> methods = entry.getKey().getMethodsCondition().getMethods();
            for (String path : entry.getKey().getPathPatternsCondition().getPatternValues()) {
                for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                    boolean jsonBody = java.util.Arrays.stream(entry.getValue().getMethodParameters())
                            .anyMatch(p -> p.hasParameterAnnotation(
                                    org.springframework.web.bind.annotation.RequestBody.class));
                    Endpoint endpoint = new Endpoint(method.asHttpMethod(), path, jsonBody);
                    endpoints.put(endpoint.toString(), endpoint);
                }
            }
        }
        assertThat(endpoints).as("handler methods found").hasSizeGreaterThan(10);
        return List.copyOf(endpoints.values());
    }

    private static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder withBody(
            Endpoint endpoint, org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request) {
        return endpoint.jsonBody()
                ? request.contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                        .content("{}")
                : request;
    }

    private static String victimUrl(Map<String, String> victimIds, String path) {
        for (Map.Entry<String, String> known : victimIds.entrySet()) {
            if (path.startsWith(known.getKey())) {
                String url = known.getKey();
                for (String value : known.getValue().split(",")) {
                    url = url.replaceFirst("\\{[^}]+}", value);
                }
                url += path.substring(known.getKey().length());
                if (!url.contains("{")) {
                    return url;
                }
            }
        }
        return fail("No victim id known for %s: add the id of data owned by OCMW Munthove to victimIds()", path);
    }

    private static void assertNoTraceOfTheVictim(Endpoint endpoint, MockHttpServletResponse response)
            throws IOException {
        String body = readable(response);
        for (String trace : VICTIM_TRACES) {
            assertThat(body)
                    .as("%s %s leaks '%s'", endpoint.method(), endpoint.path(), trace)
                    .doesNotContain(trace);
        }
    }

    /**
     * The body as text: for zipped documents (xlsx) the text of every entry, for PDFs the text PDFBox extracts
     * (their streams are compressed, so their bytes hide every word).
     */
    private static String readable(MockHttpServletResponse response) throws IOException {
        byte[] bytes = response.getContentAsByteArray();
        if (bytes.length > 4 && new String(bytes, 0, 5, StandardCharsets.US_ASCII).equals("%PDF-")) {
            try (PDDocument pdf = Loader.loadPDF(bytes)) {
                return new PDFTextStripper().getText(pdf);
            }
        }
        if (bytes.length > 4 && bytes[0] == 'P' && bytes[1] == 'K') {
            StringBuilder text = new StringBuilder();
            try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
                for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                    text.append(new String(zip.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
            return text.toString();
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
