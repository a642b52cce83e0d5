package be.bolwerk.findings.digest;

import static org.assertj.core.api.Assertions.assertThat;

import be.bolwerk.TestUsers;
import be.bolwerk.findings.RegisterWrites;
import be.bolwerk.findings.Severity;
import be.bolwerk.findings.register.Finding;
import be.bolwerk.findings.register.Raising;
import be.bolwerk.organisation.demo.DemoOrganisationIds;
import be.bolwerk.shared.BelgianTime;
import be.bolwerk.shared.security.CurrentUser;
import be.bolwerk.shared.security.OrganisationRole;
import java.lang.reflect.Method;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The daily digest on days in January 2020, long before any other finding falls due, so the test's own findings
 * are the only ones that count: one mail per owner a day, however often the job runs; a new one the next day; a
 * crash between owners leaves only the missing mails to the rerun; nothing for an owner with nothing due, for closed
 * findings, or for a finding of an organisation the owner is no member of.
 */
@SpringBootTest
class DigestTests {

    private static final UUID APPELKERKE = DemoOrganisationIds.APPELKERKE.value();
    private static final UUID MUNTHOVE = DemoOrganisationIds.OCMW_MUNTHOVE.value();
    private static final LocalDate DAY = LocalDate.of(2020, 1, 10);

    private final Digest digest;
    private final Raising raising;
    private final JdbcClient jdbc;
    private final String title = "Digesttest " + UUID.randomUUID().toString().substring(0, 8);
    private UUID colleague;
    private UUID iso;
    private UUID reader;

    DigestTests(@Autowired Digest digest, @Autowired Raising raising, @Autowired JdbcClient jdbc) {
        this.digest = digest;
        this.raising = raising;
        this.jdbc = jdbc;
    }

    @BeforeEach
    void findings() {
        colleague = account("medewerker@appelkerke.invalid");
        iso = account("iso@appelkerke.invalid");
        reader = account("lezer@appelkerke.invalid");
        finding(" te laat", APPELKERKE, colleague, DAY.minusDays(2), null);
        finding(" binnenkort", APPELKERKE, colleague, DAY.plusDays(7), null);
        finding(" later", APPELKERKE, colleague, DAY.plusDays(8), null);
        finding(" van de ISO", APPELKERKE, iso, DAY.plusDays(1), null);
        finding(" afgesloten", APPELKERKE, reader, DAY.minusDays(5), "FALSE_POSITIVE");
        finding(" nog ver", APPELKERKE, reader, DAY.plusDays(40), null);
        finding(" van Munthove", MUNTHOVE, colleague, DAY.minusDays(1), null);
    }

    @AfterEach
    void clean() {
        jdbc.sql("DELETE FROM finding WHERE title LIKE :title")
                .param("title", title + "%")
                .update();
        RegisterWrites.moved(jdbc);
        jdbc.sql("DELETE FROM mail_outbox WHERE once_key LIKE 'findingDigest:2020-%'")
                .update();
    }

    @Test
    void eachOwnerGetsOneMailADayWithWhatIsOverdueAndDueWithinAWeek() {
        assertThat(digest.send(DAY)).isEqualTo(2);
        assertThat(digest.send(DAY)).as("the second run of the day").isZero();

        List<String> colleagueMails = mails(DAY, colleague);
        assertThat(colleagueMails).hasSize(1);
        assertThat(colleagueMails.get(0))
                .contains(title + " te laat")
                .contains(title + " binnenkort")
                .doesNotContain(title + " later")
                .as("a finding of an organisation the owner is no member of")
                .doesNotContain(title + " van Munthove");
        assertThat(colleagueMails.get(0).indexOf("Te laat (1)"))
                .isLessThan(colleagueMails.get(0).indexOf("Vervalt binnen 7 dagen (1)"));
        assertThat(mails(DAY, iso)).singleElement().asString().contains(title + " van de ISO");
        assertThat(mails(DAY, reader)).as("closed or far off: nothing due").isEmpty();

        assertThat(digest.send(DAY.plusDays(1))).as("the next day").isEqualTo(2);
        assertThat(mails(DAY.plusDays(1), colleague)).hasSize(1);
        assertThat(mails(DAY, colleague)).hasSize(1);
    }

    @Test
    void aRerunAfterACrashBetweenOwnersSendsOnlyTheMissingMails() {
        LocalDate day = DAY.plusDays(3);
        List<UUID> owners = digest.owners(day);
        assertThat(owners).contains(colleague, iso).doesNotContain(reader);
        // The run reached the first owner and then the node died: that owner's mail is committed, the rest not.
        UUID first = owners.get(0);
        assertThat(digest.sendTo(first, day)).isTrue();

        assertThat(digest.send(day))
                .as("only the owners not mailed before the crash")
                .isEqualTo(owners.size() - 1);
        for (UUID owner : owners) {
            assertThat(mails(day, owner)).as("owner %s", owner).hasSize(1);
        }
    }

    @Test
    void theJobSendsTheDigestOfTheClocksDayOncePerCluster() throws Exception {
        LocalDate day = DAY.plusDays(5);
        Clock clock = Clock.fixed(day.atTime(7, 23).atZone(BelgianTime.ZONE).toInstant(), BelgianTime.ZONE);
        DigestJob job = new DigestJob(digest, clock);
        job.run();
        job.run();
        assertThat(mails(day, colleague)).hasSize(1);
        assertThat(mails(day, iso)).hasSize(1);
        Method run = DigestJob.class.getDeclaredMethod("run");
        assertThat(run.getAnnotation(SchedulerLock.class).name()).isEqualTo("findings-digest");
        assertThat(run.getAnnotation(Scheduled.class).zone()).isEqualTo("Europe/Brussels");
    }

    private List<String> mails(LocalDate day, UUID owner) {
        return jdbc.sql("SELECT body FROM mail_outbox WHERE once_key = :key")
                .param("key", "findingDigest:" + day + ":" + owner)
                .query(String.class)
                .list();
    }

    private void finding(String suffix, UUID organisation, UUID owner, LocalDate due, String status) {
        CurrentUser admin = TestUsers.member(organisation, OrganisationRole.ORGANISATION_ADMIN);
        UUID id = raising.raise(
                        organisation,
                        new Finding.Details(title + suffix, "", Severity.HIGH, "", "", null, null, "", false, ""),
                        admin)
                .value();
        jdbc.sql("UPDATE finding SET owner_id = :owner, owner_name = 'Eigenaar', due_date = :due,"
                        + " status = COALESCE(CAST(:status AS VARCHAR(20)), status) WHERE id = :id")
                .param("owner", owner)
                .param("due", due)
                .param("status", status)
                .param("id", id)
                .update();
        RegisterWrites.moved(jdbc);
    }

    private UUID account(String email) {
        return jdbc.sql("SELECT id FROM user_account WHERE email = :e")
                .param("e", email)
                .query(UUID.class)
                .single();
    }
}
