package be.bolwerk.engagement.demo;

import be.bolwerk.engagement.scope.Scope;
import be.bolwerk.engagement.scope.Technique;
import be.bolwerk.engagement.work.Engagement;
import be.bolwerk.engagement.work.EngagementStore;
import be.bolwerk.engagement.work.Finding;
import be.bolwerk.engagement.work.FindingStore;
import be.bolwerk.engagement.work.Person;
import be.bolwerk.organisation.demo.DemoOrganisationIds;
import be.bolwerk.shared.BelgianTime;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo profile only: Gemeente Appelkerke's engagement with Hogeschool Voorbeeld, signed by its ISO and under way
 * with the demo student, one finding accepted and one waiting for the supervisor; and OCMW Munthove's, waiting
 * for its signature. Written straight into the stores through the aggregate's own steps, without mails: the demo
 * outbox should show what people do in the demo.
 */
@Component
@Profile("demo")
@Order(50)
class DemoEngagements implements ApplicationRunner {

    static final String COLLEGE = "Hogeschool Voorbeeld";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd-MM-yyyy");

    private final JdbcClient jdbc;
    private final EngagementStore store;
    private final FindingStore findings;
    private final Clock clock;

    DemoEngagements(JdbcClient jdbc, EngagementStore store, FindingStore findings, Clock clock) {
        this.jdbc = jdbc;
        this.store = store;
        this.findings = findings;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (jdbc.sql("SELECT COUNT(*) FROM engagement").query(Long.class).single() > 0) {
            return;
        }
        Optional<Person> iso = person("iso@appelkerke.invalid");
        Optional<Person> munthove = person("iso@munthove.invalid");
        Optional<Person> supervisor = person("begeleider@hogeschool.invalid");
        Optional<Person> student = person("student@hogeschool.invalid");
        Optional<String> appelkerke = organisation(DemoOrganisationIds.APPELKERKE.value());
        Optional<String> ocmw = organisation(DemoOrganisationIds.OCMW_MUNTHOVE.value());
        if (iso.isEmpty()
                || munthove.isEmpty()
                || supervisor.isEmpty()
                || student.isEmpty()
                || appelkerke.isEmpty()
                || ocmw.isEmpty()) {
            return;
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        LocalDate today = BelgianTime.today(clock);

        Engagement underWay = Engagement.request(
                DemoOrganisationIds.APPELKERKE.value(),
                appelkerke.get(),
                "Externe test website en e-loket",
                COLLEGE,
                scope("appelkerke", today),
                iso.get(),
                now.minus(20, ChronoUnit.DAYS));
        underWay.sign(iso.get(), "127.0.0.1", false, now.minus(18, ChronoUnit.DAYS));
        underWay.assign(List.of(student.get().name()), supervisor.get(), now.minus(17, ChronoUnit.DAYS));
        underWay.start(true, supervisor.get(), now.minus(16, ChronoUnit.DAYS));
        store.insert(underWay);
        store.assign(
                underWay.id(),
                List.of(new EngagementStore.Student(
                        student.get().id(), student.get().name(), now.minus(17, ChronoUnit.DAYS))),
                supervisor.get().id());
        Finding accepted = Finding.submit(
                        underWay,
                        "Verouderde TLS-versie op het e-loket",
                        Finding.Severity.MEDIUM,
                        "De server van het e-loket aanvaardt nog TLS 1.0 en 1.1. Vastgesteld met een TLS-scan vanaf"
                                + " het testadres van de hogeschool.",
                        student.get(),
                        now.minus(10, ChronoUnit.DAYS))
                .accept(supervisor.get(), now.minus(9, ChronoUnit.DAYS));
        findings.insert(accepted);
        findings.addEvidence(
                accepted,
                "tls-scan.txt",
                "text/plain",
                "TLSv1.0 aanvaard\nTLSv1.1 aanvaard\nTLSv1.2 aanvaard\n".getBytes(StandardCharsets.UTF_8),
                student.get().id(),
                now.minus(10, ChronoUnit.DAYS));
        findings.insert(Finding.submit(
                underWay,
                "Beheerpagina van het CMS publiek bereikbaar",
                Finding.Severity.HIGH,
                "De aanmeldpagina van het beheer van de website is vanaf het internet bereikbaar, zonder"
                        + " tweede factor.",
                student.get(),
                now.minus(2, ChronoUnit.DAYS)));

        store.insert(Engagement.request(
                DemoOrganisationIds.OCMW_MUNTHOVE.value(),
                ocmw.get(),
                "Interne test van het netwerk",
                COLLEGE,
                scope("munthove", today),
                munthove.get(),
                now.minus(3, ChronoUnit.DAYS)));
    }

    private static Scope scope(String name, LocalDate today) {
        LocalDate first = today.plusDays(7);
        return Scope.parse(
                "192.0.2.0/28\n198.51.100.17",
                "www." + name + ".invalid\neloket." + name + ".invalid",
                "E-loket (burgerzaken)",
                DAY.format(first) + " 08:00-17:00\n" + DAY.format(first.plusDays(1)) + " 08:00-17:00",
                "198.51.100.20 (telefooncentrale)",
                "203.0.113.0/29",
                EnumSet.of(
                        Technique.PORT_SCANNING, Technique.VULNERABILITY_SCANNING, Technique.WEB_APPLICATION_TESTING),
                "ICT-verantwoordelijke; +32 50 12 34 56",
                "Testaccount via een eenmalige link van de ICT-dienst, wachtwoord telefonisch.",
                List.of());
    }

    private Optional<Person> person(String email) {
        return jdbc.sql("SELECT id, display_name FROM user_account WHERE email = :email")
                .param("email", email)
                .query((rs, row) -> new Person(rs.getObject("id", UUID.class), rs.getString("display_name")))
                .optional();
    }

    private Optional<String> organisation(UUID id) {
        return jdbc.sql("SELECT name FROM organisation WHERE id = :id")
                .param("id", id)
                .query(String.class)
                .optional();
    }
}
