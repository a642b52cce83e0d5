package be.bolwerk.audittrail.recording;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;

import be.bolwerk.AuditSentences;
import be.bolwerk.framework.FrameworkDeleted;
import be.bolwerk.framework.FrameworkImported;
import be.bolwerk.framework.FrameworkPublished;
import be.bolwerk.framework.FrameworkRetired;
import be.bolwerk.framework.FrameworkSource;
import be.bolwerk.framework.FrameworkVersionId;
import be.bolwerk.funding.BudgetLedgerExported;
import be.bolwerk.funding.BudgetLineAdjusted;
import be.bolwerk.funding.BudgetLineCreated;
import be.bolwerk.funding.BudgetLineId;
import be.bolwerk.funding.CommitmentId;
import be.bolwerk.funding.CommitmentReleased;
import be.bolwerk.funding.CommitmentSettled;
import be.bolwerk.funding.CreditCommitted;
import be.bolwerk.identity.event.AccountDeactivated;
import be.bolwerk.identity.event.AccountReactivated;
import be.bolwerk.identity.event.ApiTokenCreated;
import be.bolwerk.identity.event.ApiTokenRevoked;
import be.bolwerk.identity.event.MemberInvited;
import be.bolwerk.identity.event.MembershipChanged;
import be.bolwerk.identity.event.MembershipEnded;
import be.bolwerk.identity.event.MembershipGranted;
import be.bolwerk.identity.event.PasskeyAdded;
import be.bolwerk.identity.event.PasskeyRemoved;
import be.bolwerk.identity.event.PasswordChanged;
import be.bolwerk.identity.event.PasswordResetRequested;
import be.bolwerk.identity.event.PersonaChanged;
import be.bolwerk.identity.event.PersonaGranted;
import be.bolwerk.identity.event.PersonaInvited;
import be.bolwerk.identity.event.PersonaRemoved;
import be.bolwerk.identity.event.PlatformAdminEnrolmentIssued;
import be.bolwerk.identity.event.PreferencesChanged;
import be.bolwerk.identity.event.SecondFactorRefused;
import be.bolwerk.identity.event.SignInAttemptsRefused;
import be.bolwerk.organisation.OrganisationId;
import be.bolwerk.organisation.OrganisationRegistered;
import be.bolwerk.organisation.OrganisationType;
import be.bolwerk.shared.ImportRefused;
import be.bolwerk.shared.Refusal;
import be.bolwerk.shared.UploadRefused;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Every recorder that used to write English free text now writes details the audit trail shows in the reader's
 * language (issue 10): each event below is recorded, read back from the table and put into a Dutch and an English
 * sentence, neither of which shows a message key, a placeholder or an id.
 */
@SpringBootTest
@AutoConfigureMockMvc
class RecordedDetailsTests {

    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final ApplicationEventPublisher events;
    private final JdbcClient jdbc;
    private final MockMvc mvc;

    RecordedDetailsTests(
            @Autowired ApplicationEventPublisher events, @Autowired JdbcClient jdbc, @Autowired MockMvc mvc) {
        this.events = events;
        this.jdbc = jdbc;
        this.mvc = mvc;
    }

    /** What a row must say: the event's type, and a part of the Dutch and of the English sentence. */
    private record Expected(String type, String dutch, String english) {}

    /** The Dutch and English sentences of the newest row of {@code type} since {@code after}. */
    private List<String> sentences(String type, long after) {
        String stored = jdbc.sql("SELECT details FROM audit_event WHERE event_type = :type AND seq > :after"
                        + " ORDER BY seq DESC LIMIT 1")
                .param("type", type)
                .param("after", after)
                .query(String.class)
                .single();
        assertThat(stored).as("%s is stored as a key with arguments", type).startsWith("{\"key\":\"audit.detail.");
        return List.of(AuditSentences.dutch(stored), AuditSentences.english(stored));
    }

    private long head() {
        return jdbc.sql("SELECT COALESCE(MAX(seq), 0) FROM audit_event")
                .query(Long.class)
                .single();
    }

    private void assertReadable(Expected expected, long after) {
        List<String> both = sentences(expected.type(), after);
        String dutch = both.get(0);
        String english = both.get(1);
        assertThat(dutch).as("%s in Dutch", expected.type()).contains(expected.dutch());
        assertThat(english).as("%s in English", expected.type()).contains(expected.english());
        assertThat(dutch).as("%s: two languages", expected.type()).isNotEqualTo(english);
        for (String sentence : both) {
            assertThat(sentence)
                    .as("%s reads as a sentence", expected.type())
                    .doesNotContain("audit.", "{0", "{1", "{\"", "persona.", "organisationRole.", "tokens.scope")
                    .doesNotContainPattern(UUID_TEXT);
        }
    }

    @Test
    void accountEventsReadInDutchAndInEnglish() {
        UUID account = UUID.randomUUID();
        UUID organisation = UUID.randomUUID();
        UUID id = UUID.randomUUID();
        String email = "details-" + account + "@test.invalid";
        List<Runnable> publications = new ArrayList<>();
        List<Expected> expectations = new ArrayList<>();
        expect(
                publications,
                expectations,
                new PasswordChanged(account, email, true),
                "PASSWORD_CHANGED",
                "Wachtwoord opnieuw ingesteld met een herstellink",
                "Password set anew through a reset link");
        expect(
                publications,
                expectations,
                new PasskeyAdded(account, "Sleutel van Ann"),
                "PASSKEY_ADDED",
                "Passkey „Sleutel van Ann“ toegevoegd",
                "Passkey “Sleutel van Ann” added");
        expect(
                publications,
                expectations,
                new PasskeyRemoved(account, "Sleutel van Ann"),
                "PASSKEY_REMOVED",
                "Passkey „Sleutel van Ann“ verwijderd",
                "Passkey “Sleutel van Ann” removed");
        expect(
                publications,
                expectations,
                new ApiTokenCreated(account, id, "READ"),
                "TOKEN_CREATED",
                "API-sleutel gemaakt die mag: Alleen lezen",
                "API key created that may: Read only");
        expect(
                publications,
                expectations,
                new ApiTokenRevoked(account, id),
                "TOKEN_REVOKED",
                "API-sleutel ingetrokken",
                "API key revoked");
        expect(
                publications,
                expectations,
                new MemberInvited(organisation, id, "MEMBER"),
                "MEMBER_INVITED",
                "Uitnodiging verstuurd als Medewerker",
                "Invitation sent as Staff member");
        expect(
                publications,
                expectations,
                new MembershipGranted(organisation, account, "VIEWER"),
                "MEMBERSHIP_GRANTED",
                "Uitnodiging aanvaard als Lezer",
                "Invitation accepted as Viewer");
        expect(
                publications,
                expectations,
                new MembershipChanged(organisation, account, "ORGANISATION_ADMIN"),
                "MEMBERSHIP_CHANGED",
                "Rol gewijzigd in Beheerder van de organisatie",
                "Role changed to Organisation administrator");
        expect(
                publications,
                expectations,
                new MembershipEnded(organisation, account),
                "MEMBERSHIP_ENDED",
                "Lidmaatschap van de organisatie beëindigd",
                "Membership of the organisation ended");
        expect(
                publications,
                expectations,
                new AccountDeactivated(account, "weg@gemeente.invalid"),
                "ACCOUNT_DEACTIVATED",
                "Account weg@gemeente.invalid gedeactiveerd",
                "Account weg@gemeente.invalid deactivated");
        expect(
                publications,
                expectations,
                new AccountReactivated(account, "terug@gemeente.invalid"),
                "ACCOUNT_REACTIVATED",
                "Account terug@gemeente.invalid opnieuw geactiveerd",
                "Account terug@gemeente.invalid reactivated");
        expect(
                publications,
                expectations,
                new PersonaInvited(id, "AUDITOR"),
                "PERSONA_INVITED",
                "Uitnodiging verstuurd als Auditor",
                "Invitation sent as Auditor");
        expect(
                publications,
                expectations,
                new PersonaGranted(account, "PROGRAMME_OFFICER"),
                "PERSONA_GRANTED",
                "Uitnodiging aanvaard als Programmabeheerder",
                "Invitation accepted as Programme officer");
        expect(
                publications,
                expectations,
                new PersonaChanged(account, "AUDITOR", "Kantoor Zuid"),
                "PERSONA_CHANGED",
                "Rol gewijzigd in Auditor, verbonden aan „Kantoor Zuid“",
                "Role changed to Auditor, affiliated with “Kantoor Zuid”");
        expect(
                publications,
                expectations,
                new PersonaRemoved(account, "CRT_ANALYST"),
                "PERSONA_REMOVED",
                "Rol Analist Cyber Response Team weggenomen",
                "Role Cyber Response Team analyst removed");
        expect(
                publications,
                expectations,
                new PlatformAdminEnrolmentIssued(id, true),
                "PLATFORM_ADMIN_ENROLMENT_ISSUED",
                "in de plaats van een openstaande link",
                "replacing an open link");
        expect(
                publications,
                expectations,
                new PreferencesChanged(account, "en", false),
                "PREFERENCES_CHANGED",
                "e-mails in het Engels, e-mails over het werk uit",
                "mails in English, work mails off");
        run(publications, expectations);
    }

    @Test
    void securityEventsReadInDutchAndInEnglish() throws Exception {
        UUID account = UUID.randomUUID();
        String email = "details-" + account + "@test.invalid";
        Instant from = Instant.parse("2026-03-02T09:15:00Z");
        List<Runnable> publications = new ArrayList<>();
        List<Expected> expectations = new ArrayList<>();
        expect(
                publications,
                expectations,
                new SecondFactorRefused(account, email, "192.0.2.7", "proof"),
                "SECOND_FACTOR_FAILED",
                "Verkeerde code bij het bevestigen van een gevoelige wijziging",
                "Wrong code when confirming a sensitive change");
        expect(
                publications,
                expectations,
                new SignInAttemptsRefused("second factor", email, "192.0.2.7", 4, from, from.plusSeconds(90)),
                "SIGN_IN_REFUSED",
                "4 poging(en) bij de tweede stap tegengehouden tussen 2026-03-02 10:15:00 en" + " 2026-03-02 10:16:30",
                "4 attempt(s) at the second step held back between");
        expect(
                publications,
                expectations,
                new PasswordResetRequested(email, false),
                "PASSWORD_RESET_REQUESTED",
                "Herstellink gevraagd, niet verstuurd",
                "Reset link asked for, not sent");
        run(publications, expectations);

        long before = head();
        mvc.perform(formLogin("/login").userParameter("email").user(email).password("not-the-password"));
        assertReadable(
                new Expected(
                        "SIGN_IN_FAILED",
                        "Aanmelding geweigerd: verkeerd e-mailadres of wachtwoord",
                        "Sign-in refused: wrong e-mail address or password"),
                before);
    }

    @Test
    void frameworkOrganisationFileAndFundingEventsReadInDutchAndInEnglish() {
        FrameworkVersionId framework = new FrameworkVersionId(UUID.randomUUID());
        UUID by = UUID.randomUUID();
        UUID organisation = UUID.randomUUID();
        BudgetLineId line = new BudgetLineId(UUID.randomUUID());
        CommitmentId commitment = new CommitmentId(UUID.randomUUID());
        List<Runnable> publications = new ArrayList<>();
        List<Expected> expectations = new ArrayList<>();
        expect(
                publications,
                expectations,
                new FrameworkImported(framework, "nist-low", "5.1", FrameworkSource.OSCAL, by, "low.json"),
                "FRAMEWORK_IMPORTED",
                "nist-low 5.1 ingelezen uit „low.json“ (OSCAL-catalogus)",
                "nist-low 5.1 imported from “low.json” (OSCAL catalog");
        expect(
                publications,
                expectations,
                new FrameworkPublished(framework, "nist-low", "5.1", by),
                "FRAMEWORK_PUBLISHED",
                "nist-low 5.1 gepubliceerd",
                "nist-low 5.1 published");
        expect(
                publications,
                expectations,
                new FrameworkRetired(framework, "nist-low", "5.1", by),
                "FRAMEWORK_RETIRED",
                "nist-low 5.1 uit gebruik genomen",
                "nist-low 5.1 retired");
        expect(
                publications,
                expectations,
                new FrameworkDeleted(framework, "nist-low", "5.1", by),
                "FRAMEWORK_DELETED",
                "Ontwerp nist-low 5.1 verwijderd",
                "Draft nist-low 5.1 deleted");
        expect(
                publications,
                expectations,
                new OrganisationRegistered(OrganisationId.random(), "Gemeente Zeedorp", OrganisationType.MUNICIPALITY),
                "ORGANISATION_REGISTERED",
                "Organisatie „Gemeente Zeedorp“ geregistreerd",
                "Organisation “Gemeente Zeedorp” registered");
        expect(
                publications,
                expectations,
                new UploadRefused("/frameworks/imports", "too large", List.of(), null, null, "192.0.2.8"),
                "UPLOAD_REFUSED",
                "Bestand geweigerd bij /frameworks/imports: het bestand is te groot",
                "File refused at /frameworks/imports: the file is too large");
        // A refusal that names a limit shows the number in the sentence, not its placeholder.
        expect(
                publications,
                expectations,
                UploadRefused.of(
                        "/audits/1/report",
                        Refusal.invalid("auditOrder.report.size", 20),
                        "rapport.pdf",
                        organisation,
                        "192.0.2.8"),
                "UPLOAD_REFUSED",
                "Bestand „rapport.pdf“ geweigerd bij /audits/1/report: Het rapport is groter dan 20 MB.",
                "File “rapport.pdf” refused at /audits/1/report: The report is larger than 20 MB.");
        expect(
                publications,
                expectations,
                new ImportRefused(
                        "workbook assessment " + UUID.randomUUID(),
                        "assessment.workbook.unreadable",
                        List.of(),
                        "antwoorden.xlsx",
                        organisation,
                        by),
                "IMPORT_REFUSED",
                "Excelbestand „antwoorden.xlsx“ niet ingelezen: Dit bestand is geen leesbaar",
                "Excel file “antwoorden.xlsx” not imported: ");
        expect(
                publications,
                expectations,
                new BudgetLineCreated(line, "Basisaudits", 2026, new BigDecimal("25000.00")),
                "BUDGET_LINE_CREATED",
                "Begrotingslijn „Basisaudits“ voor 2026 geopend met een krediet van 25000.00 euro",
                "Budget line “Basisaudits” for 2026 opened with a credit of 25000.00 euro");
        expect(
                publications,
                expectations,
                new BudgetLineAdjusted(line, "Basisaudits", new BigDecimal("25000.00"), new BigDecimal("30000.00")),
                "BUDGET_LINE_ADJUSTED",
                "aangepast van 25000.00 naar 30000.00 euro",
                "adjusted from 25000.00 to 30000.00 euro");
        expect(
                publications,
                expectations,
                new CreditCommitted(commitment, line, organisation, "Basisaudit Zeedorp", new BigDecimal("1200.00")),
                "CREDIT_COMMITTED",
                "1200.00 euro vastgelegd voor „Basisaudit Zeedorp“",
                "1200.00 euro committed for “Basisaudit Zeedorp”");
        expect(
                publications,
                expectations,
                new CommitmentSettled(
                        commitment,
                        line,
                        organisation,
                        "F-2026-17",
                        new BigDecimal("900.00"),
                        new BigDecimal("300.00")),
                "COMMITMENT_SETTLED",
                "factuur F-2026-17: 900.00 euro door het programma, 300.00 euro door",
                "invoice F-2026-17: 900.00 euro by the programme, 300.00 euro by");
        expect(
                publications,
                expectations,
                new CommitmentReleased(commitment, line, organisation, new BigDecimal("1200.00")),
                "COMMITMENT_RELEASED",
                "Vastlegging van 1200.00 euro vrijgegeven",
                "Commitment of 1200.00 euro released");
        run(publications, expectations);

        long before = head();
        events.publishEvent(new BudgetLedgerExported(line, 7));
        List<String> exported = sentences("EXPORT", before);
        assertThat(exported.get(0)).isEqualTo("Vastleggingen van een begrotingslijn naar Excel (7 regel(s))");
        assertThat(exported.get(1)).isEqualTo("Commitments of a budget line to Excel (7 row(s))");
    }

    private void expect(
            List<Runnable> publications,
            List<Expected> expectations,
            Object event,
            String type,
            String dutch,
            String english) {
        publications.add(() -> events.publishEvent(event));
        expectations.add(new Expected(type, dutch, english));
    }

    /** Each event alone, so that its row is the newest of its type whatever other tests write meanwhile. */
    private void run(List<Runnable> publications, List<Expected> expectations) {
        for (int i = 0; i < publications.size(); i++) {
            long before = head();
            publications.get(i).run();
            assertReadable(expectations.get(i), before);
        }
    }
}
