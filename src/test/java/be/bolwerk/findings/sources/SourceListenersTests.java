package be.bolwerk.findings.sources;

import static org.assertj.core.api.Assertions.assertThat;

import be.bolwerk.assessment.AssessmentId;
import be.bolwerk.assessment.ImprovementActionProposed;
import be.bolwerk.audit.AuditOrderId;
import be.bolwerk.audit.event.AuditFindingRecorded;
import be.bolwerk.audit.event.AuditReportUploaded;
import be.bolwerk.engagement.EngagementFindingAccepted;
import be.bolwerk.engagement.EngagementId;
import be.bolwerk.findings.RegisterWrites;
import be.bolwerk.incident.IncidentId;
import be.bolwerk.incident.IncidentSeverity;
import be.bolwerk.incident.event.work.IncidentLessonAdopted;
import be.bolwerk.organisation.demo.DemoOrganisationIds;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.util.AopTestUtils;

/**
 * The sources of the register, each event delivered twice as the event publication registry may do after a crash:
 * one finding, one mail, the fields mapped from the source, and the SLA of an audit finding restarted once at the
 * report; two deliveries at the same moment also leave one. The listener is called outside a request, as the
 * registry calls it after the source's commit.
 */
@SpringBootTest
class SourceListenersTests {

    private static final UUID APPELKERKE = DemoOrganisationIds.APPELKERKE.value();

    private final SourceListeners listeners;
    private final JdbcClient jdbc;
    private final List<UUID> sources = new java.util.ArrayList<>();

    SourceListenersTests(@Autowired SourceListeners listeners, @Autowired JdbcClient jdbc) {
        // The target, not the asynchronous proxy: each delivery runs to its end before the test looks.
        this.listeners = AopTestUtils.getUltimateTargetObject(listeners);
        this.jdbc = jdbc;
    }

    @AfterEach
    void clean() {
        for (UUID source : sources) {
            jdbc.sql("DELETE FROM finding WHERE source_id = :id")
                    .param("id", source)
                    .update();
            RegisterWrites.moved(jdbc);
        }
    }

    @Test
    void anImprovementActionDeliveredTwiceBecomesOneFindingWithItsOwner() {
        UUID action = source();
        UUID iso = account("iso@appelkerke.invalid");
        String title = "Wachtwoordbeleid " + action;
        ImprovementActionProposed event = new ImprovementActionProposed(
                action,
                APPELKERKE,
                new AssessmentId(UUID.randomUUID()),
                "AD01.1",
                title,
                iso,
                LocalDate.of(2027, 3, 1),
                "HIGH");
        listeners.on(event);
        listeners.on(event);

        assertThat(count(action)).isEqualTo(1);
        var row = jdbc.sql("""
                        SELECT source, severity, control_ref, owner_id, planned_on, status, due_date, sla_start
                        FROM finding WHERE source_id = :id
                        """).param("id", action).query().singleRow();
        assertThat(row.get("source")).isEqualTo("SELF_EVALUATION_ACTION");
        assertThat(row.get("severity")).isEqualTo("HIGH");
        assertThat(row.get("control_ref")).isEqualTo("AD01.1");
        assertThat(row.get("owner_id")).isEqualTo(iso);
        assertThat(row.get("status")).isEqualTo("NEW");
        LocalDate start = ((java.sql.Date) row.get("sla_start")).toLocalDate();
        assertThat(((java.sql.Date) row.get("due_date")).toLocalDate()).isEqualTo(start.plusDays(30));
        assertThat(((java.sql.Date) row.get("planned_on")).toLocalDate()).isEqualTo(LocalDate.of(2027, 3, 1));
        assertThat(mails("iso@appelkerke.invalid", "Bevinding voor u: " + title))
                .isEqualTo(1);
    }

    @Test
    void anAuditFindingDeliveredTwiceIsOneFindingAndItsReportRestartsTheDeadlineOnce() {
        UUID finding = source();
        UUID order = UUID.randomUUID();
        String title = "Beheerders zonder tweede factor " + finding;
        AuditFindingRecorded event = new AuditFindingRecorded(
                new AuditOrderId(order), "AUD-2026-0042", APPELKERKE, null, finding, title, "CRITICAL");
        listeners.on(event);
        listeners.on(event);
        assertThat(count(finding)).isEqualTo(1);
        assertThat(mails("iso@appelkerke.invalid", "Nieuwe bevinding: " + title))
                .isEqualTo(1);
        assertThat(jdbc.sql("SELECT external_id FROM finding WHERE source_id = :id")
                        .param("id", finding)
                        .query(String.class)
                        .single())
                .isEqualTo("AUD-2026-0042");

        AuditReportUploaded report = new AuditReportUploaded(
                new AuditOrderId(order), "AUD-2026-0042", APPELKERKE, null, "rapport.pdf", 1000);
        listeners.on(report);
        listeners.on(report);
        assertThat(jdbc.sql("""
                                SELECT COUNT(*) FROM finding_history h JOIN finding f ON f.id = h.finding_id
                                WHERE f.source_id = :id AND h.step = 'SLA_RESTARTED'
                                """).param("id", finding).query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void anAcceptedEngagementFindingDeliveredTwiceIsOneFindingWithItsDescription() {
        UUID finding = source();
        String title = "Open SMB-share " + finding;
        EngagementFindingAccepted event = new EngagementFindingAccepted(
                new EngagementId(UUID.randomUUID()),
                APPELKERKE,
                finding,
                title,
                "MEDIUM",
                "De share is zonder wachtwoord leesbaar.");
        listeners.on(event);
        listeners.on(event);
        assertThat(count(finding)).isEqualTo(1);
        assertThat(jdbc.sql("SELECT description FROM finding WHERE source_id = :id")
                        .param("id", finding)
                        .query(String.class)
                        .single())
                .isEqualTo("De share is zonder wachtwoord leesbaar.");
        assertThat(mails("iso@appelkerke.invalid", "Nieuwe bevinding: " + title))
                .isEqualTo(1);
    }

    @Test
    void twoDeliveriesAtTheSameMomentStillLeaveOneFinding() throws Exception {
        UUID finding = source();
        EngagementFindingAccepted event = new EngagementFindingAccepted(
                new EngagementId(UUID.randomUUID()), APPELKERKE, finding, "Gelijktijdig " + finding, "LOW", "");
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            List<java.util.concurrent.Future<?>> runs = List.of(
                    pool.submit(() -> {
                        start.await();
                        listeners.on(event);
                        return null;
                    }),
                    pool.submit(() -> {
                        start.await();
                        listeners.on(event);
                        return null;
                    }));
            start.countDown();
            for (java.util.concurrent.Future<?> run : runs) {
                run.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(count(finding)).isEqualTo(1);
    }

    @Test
    void aLessonOfAnIncidentDeliveredTwiceIsOneFindingThatLinksBackToTheLessons() {
        UUID lesson = source();
        UUID incident = UUID.randomUUID();
        String title = "Offline back-ups wekelijks testen " + lesson;
        IncidentLessonAdopted event = new IncidentLessonAdopted(
                new IncidentId(incident),
                APPELKERKE,
                "INC-1A2B3C4D",
                lesson,
                title,
                "De back-ups stonden op het netwerk.",
                IncidentSeverity.HIGH,
                UUID.randomUUID(),
                "Charlotte Respons");
        listeners.on(event);
        listeners.on(event);

        assertThat(count(lesson)).isEqualTo(1);
        var row = jdbc.sql("""
                        SELECT source, source_parent, severity, description, external_id, status
                        FROM finding WHERE source_id = :id
                        """).param("id", lesson).query().singleRow();
        assertThat(row.get("source")).isEqualTo("INCIDENT");
        assertThat(row.get("source_parent")).isEqualTo(incident);
        assertThat(row.get("severity")).isEqualTo("HIGH");
        assertThat(row.get("description")).isEqualTo("De back-ups stonden op het netwerk.");
        assertThat(row.get("external_id")).isEqualTo("INC-1A2B3C4D");
        assertThat(row.get("status")).isEqualTo("NEW");
        assertThat(mails("iso@appelkerke.invalid", "Nieuwe bevinding: " + title))
                .isEqualTo(1);
    }

    private UUID source() {
        UUID id = UUID.randomUUID();
        sources.add(id);
        return id;
    }

    private long count(UUID source) {
        return jdbc.sql("SELECT COUNT(*) FROM finding WHERE source_id = :id")
                .param("id", source)
                .query(Long.class)
                .single();
    }

    private UUID account(String email) {
        return jdbc.sql("SELECT id FROM user_account WHERE email = :email")
                .param("email", email)
                .query(UUID.class)
                .single();
    }

    private long mails(String to, String subject) {
        return jdbc.sql("SELECT COUNT(*) FROM mail_outbox WHERE recipient = :to AND subject = :subject")
                .param("to", to)
                .param("subject", subject)
                .query(Long.class)
                .single();
    }
}
