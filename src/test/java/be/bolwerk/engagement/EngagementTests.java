package be.bolwerk.engagement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.bolwerk.campaign.MovableClock;
import be.bolwerk.engagement.scope.ConsentKind;
import be.bolwerk.engagement.scope.Scope;
import be.bolwerk.engagement.scope.ScopeText;
import be.bolwerk.engagement.scope.Technique;
import be.bolwerk.engagement.work.EngagementNotFound;
import be.bolwerk.engagement.work.EngagementState;
import be.bolwerk.engagement.work.EvidenceDeletion;
import be.bolwerk.engagement.work.Finding;
import be.bolwerk.engagement.work.Requesting;
import be.bolwerk.engagement.work.Testing;
import be.bolwerk.engagement.work.Viewing;
import be.bolwerk.organisation.demo.DemoOrganisationIds;
import be.bolwerk.shared.Refusal;
import be.bolwerk.shared.security.CurrentUser;
import be.bolwerk.shared.security.OrganisationRole;
import be.bolwerk.shared.security.Persona;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/**
 * Engagements end to end through their services, on the demo people: request, sign (hash and client address
 * kept), assign, start, findings with evidence, review, report, close; the mail of every step in the outbox;
 * refusal of work without a valid signature; the stop rule alerting the organisation and the CRT; who sees what;
 * and the deletion of evidence after its date on a movable clock, audited with its count.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(MovableClock.Configuration.class)
class EngagementTests {

    private final Requesting requesting;
    private final Testing testing;
    private final Viewing viewing;
    private final EvidenceDeletion deletion;
    private final JdbcClient jdbc;
    private final MovableClock clock;

    EngagementTests(
            @Autowired Requesting requesting,
            @Autowired Testing testing,
            @Autowired Viewing viewing,
            @Autowired EvidenceDeletion deletion,
            @Autowired JdbcClient jdbc,
            @Autowired MovableClock clock) {
        this.requesting = requesting;
        this.testing = testing;
        this.viewing = viewing;
        this.deletion = deletion;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    private final String title = "Test " + UUID.randomUUID().toString().substring(0, 8);
    private CurrentUser iso;
    private CurrentUser supervisor;
    private CurrentUser student;

    @BeforeEach
    void people() {
        clock.reset();
        iso = account(
                "iso@appelkerke.invalid",
                Set.of(),
                Map.of(DemoOrganisationIds.APPELKERKE.value(), OrganisationRole.ORGANISATION_ADMIN));
        supervisor = account("begeleider@hogeschool.invalid", Set.of(Persona.HACKING_SUPERVISOR), Map.of());
        student = account("student@hogeschool.invalid", Set.of(Persona.STUDENT), Map.of());
    }

    @AfterEach
    void clean() {
        clock.reset();
        jdbc.sql("DELETE FROM engagement WHERE title = :title")
                .param("title", title)
                .update();
    }

    @Test
    void theWholeFlowMailsEveryoneItConcerns() {
        EngagementId id =
                requesting.request(DemoOrganisationIds.APPELKERKE.value(), title, "Hogeschool Voorbeeld", scope(), iso);
        assertThat(mails("iso@appelkerke.invalid", "Handtekening gevraagd: " + title))
                .isEqualTo(1);

        String shown = ScopeText.sha256(viewing.view(id, iso).engagement().canonicalText());
        requesting.sign(id, shown, "198.51.100.23", iso);
        var signed = viewing.view(id, iso).engagement();
        assertThat(signed.state()).isEqualTo(EngagementState.SIGNED);
        assertThat(signed.signature().sha256()).isEqualTo(shown);
        assertThat(signed.signature().clientAddress()).isEqualTo("198.51.100.23");
        assertThat(signed.signature().signerName()).isEqualTo("Ilse Appelmans");
        assertThat(ScopeText.sha256(signed.signature().text())).isEqualTo(shown);
        assertThat(mails("begeleider@hogeschool.invalid", "Ondertekend: " + title))
                .isEqualTo(1);

        testing.assign(id, Set.of(student.id()), supervisor);
        assertThat(mails("student@hogeschool.invalid", "U bent toegewezen: " + title))
                .isEqualTo(1);
        testing.start(id, supervisor);
        assertThat(mails("iso@appelkerke.invalid", "Testen gestart: " + title)).isEqualTo(1);

        UUID finding = testing.submit(
                id,
                "Open SMB-share",
                Finding.Severity.HIGH,
                "Share zonder wachtwoord.",
                new Testing.Upload("scan.png", png(), "/engagements", "127.0.0.1"),
                student);
        assertThat(viewing.view(id, iso).findings())
                .as("the organisation sees no finding before review")
                .isEmpty();
        assertThat(mailsWith("begeleider@hogeschool.invalid", "Te beoordelen: Open SMB-share", title))
                .isEqualTo(1);
        assertThatThrownBy(() -> testing.review(id, finding, false, " ", supervisor))
                .isInstanceOfSatisfying(
                        Refusal.class, r -> assertThat(r.messageKey()).isEqualTo(Testing.REMARK_REQUIRED));
        testing.review(id, finding, false, "Voeg het pad van de share toe.", supervisor);
        assertThat(mailsWith("student@hogeschool.invalid", "Teruggestuurd: Open SMB-share", title))
                .isEqualTo(1);
        assertThatThrownBy(() -> testing.report(id, supervisor))
                .isInstanceOfSatisfying(
                        Refusal.class, r -> assertThat(r.messageKey()).isEqualTo("engagement.rule.findingsOpen"));
        testing.resubmit(
                id,
                finding,
                "Open SMB-share \\\\fs01\\publiek",
                Finding.Severity.HIGH,
                "Share zonder wachtwoord.",
                student);
        testing.review(id, finding, true, "", supervisor);
        assertThat(mails("iso@appelkerke.invalid", "Nieuwe bevinding: " + title))
                .isEqualTo(1);
        assertThatThrownBy(() -> testing.review(id, finding, true, "", supervisor))
                .isInstanceOfSatisfying(
                        Refusal.class,
                        r -> assertThat(r.messageKey()).isEqualTo("engagement.finding.notAwaitingReview"));

        Viewing.View organisation = viewing.view(id, iso);
        assertThat(organisation.findings())
                .extracting(Finding::title)
                .containsExactly("Open SMB-share \\\\fs01\\publiek");
        assertThat(organisation.evidence()).hasSize(1);
        assertThat(viewing.evidence(id, organisation.evidence().get(0).id(), iso)
                        .content())
                .isEqualTo(png());

        testing.report(id, supervisor);
        assertThat(mailsWith("iso@appelkerke.invalid", "Rapport klaar: " + title, "met 1 aanvaarde bevinding"))
                .as("the organisation reads the report and closes")
                .isEqualTo(1);
        assertThat(mails("begeleider@hogeschool.invalid", "Rapport klaar: " + title))
                .isZero();
        requesting.close(id, iso);
        var closed = viewing.view(id, iso).engagement();
        assertThat(closed.state()).isEqualTo(EngagementState.CLOSED);
        assertThat(closed.evidenceDeleteOn())
                .isEqualTo(be.bolwerk.shared.BelgianTime.today(clock).plusDays(90));
        String deletedAfter = "verwijderd na "
                + closed.evidenceDeleteOn().format(java.time.format.DateTimeFormatter.ofPattern("dd-MM-yyyy"));
        assertThat(mailsWith("begeleider@hogeschool.invalid", "Afgesloten: " + title, deletedAfter))
                .isEqualTo(1);
        assertThat(mailsWith("student@hogeschool.invalid", "Afgesloten: " + title, deletedAfter))
                .isEqualTo(1);
        assertThat(mails("iso@appelkerke.invalid", "Afgesloten: " + title))
                .as("the one who closed it needs no mail")
                .isZero();
        assertThat(jdbc.sql(
                                "SELECT COUNT(*) FROM audit_event WHERE event_type LIKE 'ENGAGEMENT_%' AND details LIKE :id")
                        .param("id", "%" + id + "%")
                        .query(Long.class)
                        .single())
                .as("every step audited")
                .isGreaterThanOrEqualTo(10);
    }

    @Test
    void noWorkWithoutAValidSignatureAndAnyChangeVoidsIt() {
        EngagementId id =
                requesting.request(DemoOrganisationIds.APPELKERKE.value(), title, "Hogeschool Voorbeeld", scope(), iso);
        assertRefused(() -> testing.assign(id, Set.of(student.id()), supervisor), "engagement.rule.notSigned");
        String hash = ScopeText.sha256(viewing.view(id, iso).engagement().canonicalText());
        assertRefused(() -> requesting.sign(id, "0".repeat(64), "127.0.0.1", iso), "engagement.sign.changed");
        requesting.sign(id, hash, "127.0.0.1", iso);
        testing.assign(id, Set.of(student.id()), supervisor);
        testing.start(id, supervisor);

        // The organisation widens the scope: the signature is void, the admins are mailed, the work stops.
        requesting.changeScope(
                id,
                title,
                Scope.parse(
                        "192.0.2.0/24\n198.51.100.0/24",
                        "",
                        "",
                        "07-12-2026 08:00-17:00",
                        "",
                        "203.0.113.5",
                        EnumSet.of(Technique.PORT_SCANNING),
                        "Ilse; +32 50 12 34 56",
                        "Geen",
                        List.of()),
                iso);
        var changed = viewing.view(id, supervisor).engagement();
        assertThat(changed.signatureValid()).isFalse();
        assertThat(changed.state()).isEqualTo(EngagementState.REQUESTED);
        assertThat(mails("iso@appelkerke.invalid", "Nieuwe handtekening nodig: " + title))
                .isEqualTo(1);
        assertRefused(
                () -> testing.submit(id, "x", Finding.Severity.LOW, "y", null, student), "engagement.rule.notSigned");
        assertRefused(() -> testing.start(id, supervisor), "engagement.rule.notSigned");

        // Signed again: back to assigned, the students still there.
        requesting.sign(id, ScopeText.sha256(changed.canonicalText()), "127.0.0.1", iso);
        assertThat(viewing.view(id, iso).engagement().state()).isEqualTo(EngagementState.ASSIGNED);
    }

    @Test
    void aConsentIsAPdfCheckedByItsContentAndVoidsTheSignature() throws IOException {
        EngagementId id =
                requesting.request(DemoOrganisationIds.APPELKERKE.value(), title, "Hogeschool Voorbeeld", scope(), iso);
        requesting.sign(id, ScopeText.sha256(viewing.view(id, iso).engagement().canonicalText()), "127.0.0.1", iso);
        byte[] fake = "%PDF-1.7 but not really".getBytes(StandardCharsets.US_ASCII);
        assertRefused(
                () -> requesting.addConsent(
                        id, "Leverancier", ConsentKind.SAAS_PROVIDER, "akkoord.pdf", fake, "/x", "127.0.0.1", iso),
                "engagement.file.pdfOnly");
        assertRefused(
                () -> requesting.addConsent(
                        id, "Leverancier", ConsentKind.SAAS_PROVIDER, "akkoord.png", png(), "/x", "127.0.0.1", iso),
                "engagement.file.pdfOnly");
        assertThat(viewing.view(id, iso).engagement().signatureValid())
                .as("a refused file changes nothing")
                .isTrue();

        byte[] pdf = pdf();
        requesting.addConsent(id, "Leverancier", ConsentKind.SAAS_PROVIDER, "akkoord.pdf", pdf, "/x", "127.0.0.1", iso);
        var engagement = viewing.view(id, iso).engagement();
        assertThat(engagement.signatureValid()).isFalse();
        assertThat(engagement.canonicalText()).contains("akkoord.pdf, SHA-256 " + ScopeText.sha256(pdf));
        assertThat(viewing.consent(id, engagement.scope().consents().get(0).id(), iso)
                        .content())
                .isEqualTo(pdf);
    }

    @Test
    void theStopRuleStopsAtOnceAndAlertsTheOrganisationAndTheCrt() {
        EngagementId id = underWay();
        assertRefused(() -> testing.stop(id, " ", student), "engagement.stop.description");
        testing.stop(id, "Onbekende beheeraccount aangemaakt vannacht op fs01", student);

        assertThat(viewing.view(id, iso).engagement().state()).isEqualTo(EngagementState.STOPPED);
        String subject = "DRINGEND: ethisch hacken gestopt bij Gemeente Appelkerke";
        assertThat(mailsWith("iso@appelkerke.invalid", subject, title)).isEqualTo(1);
        assertThat(mailsWith("crt-demo-only@bolwerk.invalid", subject, title))
                .as("the CRT address")
                .isEqualTo(1);
        assertThat(mailsWith("analist@crt.invalid", subject, title))
                .as("the CRT analysts")
                .isEqualTo(1);
        assertThat(mailsWith("begeleider@hogeschool.invalid", subject, title)).isEqualTo(1);
        assertThat(mailsWith("student@hogeschool.invalid", subject, title))
                .as("every assigned student stops too")
                .isEqualTo(1);

        assertRefused(() -> testing.submit(id, "x", Finding.Severity.LOW, "y", null, student), "engagement.rule.state");
        assertRefused(() -> testing.assign(id, Set.of(student.id()), supervisor), "engagement.rule.state");
        assertRefused(() -> testing.stop(id, "nog eens", supervisor), "engagement.rule.state");
        assertThat(jdbc.sql(
                                "SELECT COUNT(*) FROM audit_event WHERE event_type = 'ENGAGEMENT_STOPPED' AND details LIKE :id")
                        .param("id", "%" + id + "%")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void eachPersonSeesOnlyWhatIsTheirs() {
        EngagementId id = underWay();
        UUID finding = testing.submit(
                id,
                "Zwak wachtwoord",
                Finding.Severity.MEDIUM,
                "Details die geheim blijven.",
                new Testing.Upload("bewijs.txt", "geheim".getBytes(StandardCharsets.UTF_8), "/x", "127.0.0.1"),
                student);
        UUID evidence = viewing.view(id, student).evidence().get(0).id();

        CurrentUser otherAdmin = account(
                "iso@munthove.invalid",
                Set.of(),
                Map.of(DemoOrganisationIds.OCMW_MUNTHOVE.value(), OrganisationRole.ORGANISATION_ADMIN));
        assertThatThrownBy(() -> viewing.view(id, otherAdmin)).isInstanceOf(EngagementNotFound.class);
        CurrentUser otherStudent =
                new CurrentUser(UUID.randomUUID(), "s@x.invalid", "S", null, true, Set.of(Persona.STUDENT), Map.of());
        assertThatThrownBy(() -> viewing.view(id, otherStudent)).isInstanceOf(EngagementNotFound.class);
        CurrentUser otherCollege = new CurrentUser(
                UUID.randomUUID(), "b@x.invalid", "B", null, true, Set.of(Persona.HACKING_SUPERVISOR), Map.of());
        assertThatThrownBy(() -> viewing.view(id, otherCollege)).isInstanceOf(EngagementNotFound.class);

        CurrentUser viewer = new CurrentUser(
                UUID.randomUUID(),
                "v@x.invalid",
                "V",
                null,
                true,
                Set.of(),
                Map.of(DemoOrganisationIds.APPELKERKE.value(), OrganisationRole.VIEWER));
        assertThat(viewing.view(id, viewer).findings()).as("not accepted yet").isEmpty();
        assertThat(viewing.view(id, viewer).evidence()).isEmpty();
        assertThatThrownBy(() -> viewing.evidence(id, evidence, iso))
                .as("the evidence of a finding not accepted yet")
                .isInstanceOf(EngagementNotFound.class);
        assertThat(viewing.evidence(id, evidence, supervisor).content())
                .isEqualTo("geheim".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> requesting.close(id, viewer)).isInstanceOf(AccessDeniedException.class);

        CurrentUser officer = new CurrentUser(
                UUID.randomUUID(), "p@x.invalid", "P", null, true, Set.of(Persona.PROGRAMME_OFFICER), Map.of());
        Viewing.View programme = viewing.view(id, officer);
        assertThat(programme.findings()).hasSize(1);
        assertThat(programme.findings().get(0).title())
                .as("counts, never details")
                .isEmpty();
        assertThat(programme.findings().get(0).description()).isEmpty();
        assertThat(programme.access().seesScope()).isFalse();
        assertThat(programme.history()).isEmpty();

        assertThatThrownBy(() -> testing.review(id, finding, true, "", student))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> testing.submit(id, "x", Finding.Severity.LOW, "y", null, supervisor))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void evidenceIsDeletedAfterItsDateAndThatIsAudited() {
        EngagementId id = underWay();
        UUID finding = testing.submit(
                id,
                "Bewijs",
                Finding.Severity.LOW,
                "Met een bestand.",
                new Testing.Upload("log.txt", "regel 1\nregel 2\n".getBytes(StandardCharsets.UTF_8), "/x", "127.0.0.1"),
                student);
        testing.addEvidence(id, finding, new Testing.Upload("scan.png", png(), "/x", "127.0.0.1"), student);
        assertRefused(
                () -> testing.addEvidence(id, finding, new Testing.Upload("x.exe", png(), "/x", "127.0.0.1"), student),
                "engagement.file.type");
        var today = be.bolwerk.shared.BelgianTime.today(clock);
        assertRefused(() -> requesting.setEvidenceDeletion(id, today, iso), "engagement.rule.deletionDatePast");
        requesting.setEvidenceDeletion(id, today.plusDays(3), supervisor);
        String dateSubject = "Nieuwe verwijderdatum van bewijs: " + title;
        String newDate = today.plusDays(3).format(java.time.format.DateTimeFormatter.ofPattern("dd-MM-yyyy"));
        assertThat(mailsWith("iso@appelkerke.invalid", dateSubject, newDate)).isEqualTo(1);
        assertThat(mails("student@hogeschool.invalid", dateSubject)).isZero();

        clock.advance(Duration.ofDays(3));
        deletion.deleteDue();
        assertThat(viewing.view(id, supervisor).evidence())
                .as("not yet: deleted after the date")
                .hasSize(2);

        clock.advance(Duration.ofDays(1));
        deletion.deleteDue();
        assertThat(viewing.view(id, supervisor).evidence()).isEmpty();
        assertThat(viewing.view(id, supervisor).engagement().evidenceDeletedAt())
                .isNotNull();
        assertThat(jdbc.sql("SELECT details FROM audit_event WHERE event_type = 'ENGAGEMENT_EVIDENCE_DELETED'"
                                + " AND details LIKE :id")
                        .param("id", "%" + id + "%")
                        .query(String.class)
                        .single())
                .contains("\"args\":[\"2\"]");
        for (String concerned : List.of("iso@appelkerke.invalid", "begeleider@hogeschool.invalid")) {
            assertThat(mailsWith(concerned, "Bewijs verwijderd: " + title, "verwijderde 2 bewijsbestand"))
                    .as(concerned)
                    .isEqualTo(1);
        }
        deletion.deleteDue();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE event_type = 'ENGAGEMENT_EVIDENCE_DELETED'"
                                + " AND details LIKE :id")
                        .param("id", "%" + id + "%")
                        .query(Long.class)
                        .single())
                .as("once")
                .isEqualTo(1);
        assertRefused(
                () -> requesting.setEvidenceDeletion(id, today.plusDays(30), iso), "engagement.rule.evidenceGone");
    }

    @Test
    void aPersonWhoChoseEnglishGetsTheMailInEnglish() {
        jdbc.sql("""
                        INSERT INTO account_preference (user_account_id, language, work_mail, updated_at)
                        VALUES (:id, 'en', TRUE, CURRENT_TIMESTAMP)
                        """).param("id", student.id()).update();
        try {
            underWay();
            assertThat(mailsWith(
                            "student@hogeschool.invalid",
                            "You are assigned: " + title,
                            "Test only within the signed scope"))
                    .isEqualTo(1);
            assertThat(mails("student@hogeschool.invalid", "U bent toegewezen: " + title))
                    .isZero();
        } finally {
            jdbc.sql("DELETE FROM account_preference WHERE user_account_id = :id")
                    .param("id", student.id())
                    .update();
        }
    }

    /** A signed engagement with the demo student assigned and the testing started. */
    private EngagementId underWay() {
        EngagementId id =
                requesting.request(DemoOrganisationIds.APPELKERKE.value(), title, "Hogeschool Voorbeeld", scope(), iso);
        requesting.sign(id, ScopeText.sha256(viewing.view(id, iso).engagement().canonicalText()), "127.0.0.1", iso);
        testing.assign(id, Set.of(student.id()), supervisor);
        testing.start(id, supervisor);
        return id;
    }

    static Scope scope() {
        return Scope.parse(
                "192.0.2.0/24",
                "www.appelkerke.invalid",
                "E-loket",
                "07-12-2026 08:00-17:00",
                "",
                "203.0.113.5",
                EnumSet.of(Technique.PORT_SCANNING, Technique.WEB_APPLICATION_TESTING),
                "Ilse Appelmans; +32 50 12 34 56",
                "Geen inloggegevens",
                List.of());
    }

    static byte[] png() {
        return new byte[] {(byte) 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0};
    }

    static byte[] pdf() throws IOException {
        try (PDDocument document = new PDDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.addPage(new PDPage());
            document.save(out);
            return out.toByteArray();
        }
    }

    private CurrentUser account(String email, Set<Persona> personas, Map<UUID, OrganisationRole> memberships) {
        record Row(UUID id, String name) {}
        Row row = jdbc.sql("SELECT id, display_name FROM user_account WHERE email = :email")
                .param("email", email)
                .query((rs, n) -> new Row(rs.getObject("id", UUID.class), rs.getString("display_name")))
                .single();
        return new CurrentUser(row.id(), email, row.name(), null, true, personas, memberships);
    }

    private long mails(String recipient, String subject) {
        return jdbc.sql("SELECT COUNT(*) FROM mail_outbox WHERE recipient = :r AND subject = :s")
                .param("r", recipient)
                .param("s", subject)
                .query(Long.class)
                .single();
    }

    private long mailsWith(String recipient, String subject, String text) {
        return jdbc.sql("SELECT COUNT(*) FROM mail_outbox WHERE recipient = :r AND subject = :s AND body LIKE :t")
                .param("r", recipient)
                .param("s", subject)
                .param("t", "%" + text + "%")
                .query(Long.class)
                .single();
    }

    private static void assertRefused(Runnable step, String key) {
        assertThatThrownBy(step::run)
                .isInstanceOfSatisfying(
                        Refusal.class, r -> assertThat(r.messageKey()).isEqualTo(key));
    }
}
