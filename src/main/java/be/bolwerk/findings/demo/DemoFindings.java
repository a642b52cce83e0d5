package be.bolwerk.findings.demo;

import be.bolwerk.findings.Effort;
import be.bolwerk.findings.FindingSource;
import be.bolwerk.findings.RetestResult;
import be.bolwerk.findings.Severity;
import be.bolwerk.findings.register.Actor;
import be.bolwerk.findings.register.Finding;
import be.bolwerk.findings.register.FindingStore;
import be.bolwerk.findings.sla.SlaProfile;
import be.bolwerk.findings.sla.SlaProfiles;
import be.bolwerk.identity.OrganisationMember;
import be.bolwerk.identity.OrganisationMembers;
import be.bolwerk.organisation.demo.DemoOrganisationIds;
import be.bolwerk.shared.BelgianTime;
import be.bolwerk.shared.security.OrganisationRole;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo profile only: the registers of Gemeente Appelkerke and OCMW Munthove, with findings from every source that
 * exists (self-evaluation, audit, ethical hacking, own observation, an incident and a CRT advisory) in several
 * states: new, confirmed with an owner, in progress and overdue, resolved, verified by a retest, reopened after a
 * failed one, closed as a false positive. Written through the aggregate's own steps straight into the store,
 * without events or mails: the demo outbox and audit trail should show what people do in the demo.
 */
@Component
@Profile("demo")
@Order(60)
class DemoFindings implements ApplicationRunner {

    private final JdbcClient jdbc;
    private final FindingStore store;
    private final SlaProfiles sla;
    private final OrganisationMembers members;
    private final Clock clock;

    DemoFindings(JdbcClient jdbc, FindingStore store, SlaProfiles sla, OrganisationMembers members, Clock clock) {
        this.jdbc = jdbc;
        this.store = store;
        this.sla = sla;
        this.members = members;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (jdbc.sql("SELECT COUNT(*) FROM finding").query(Long.class).single() > 0) {
            return;
        }
        appelkerke(DemoOrganisationIds.APPELKERKE.value());
        munthove(DemoOrganisationIds.OCMW_MUNTHOVE.value());
    }

    private void appelkerke(UUID org) {
        List<OrganisationMember> people = members.active(org);
        if (people.isEmpty()) {
            return;
        }
        Actor iso = actor(people, OrganisationRole.ORGANISATION_ADMIN);
        Actor colleague = actor(people, OrganisationRole.MEMBER);
        LocalDate today = BelgianTime.today(clock);

        add(
                org,
                FindingSource.SELF_EVALUATION_ACTION,
                details(
                        "Back-ups offline bewaren en het terugzetten testen",
                        "",
                        Severity.HIGH,
                        "Back-upserver",
                        "Bewaar minstens één kopie los van het netwerk en test het terugzetten elk kwartaal.",
                        Effort.M,
                        "AD03.2"),
                today.minusDays(12),
                f -> {});
        add(
                org,
                FindingSource.AUDIT,
                details(
                        "Beheerdersaccounts zonder tweede factor",
                        "Vier beheerdersaccounts van het domein melden zich aan met alleen een wachtwoord.",
                        Severity.CRITICAL,
                        "Active Directory",
                        "Schakel meerstapsverificatie in voor alle beheerdersaccounts.",
                        Effort.S,
                        ""),
                today.minusDays(20),
                f -> {
                    f.assign(colleague.id(), colleague.name(), iso, at(19));
                    f.confirm(iso, at(19));
                    f.startWork(colleague, at(15));
                });
        add(
                org,
                FindingSource.ENGAGEMENT,
                details(
                        "Verouderde TLS-versie op het e-loket",
                        "De server van het e-loket aanvaardt nog TLS 1.0 en 1.1.",
                        Severity.MEDIUM,
                        "e-loket",
                        "Schakel TLS 1.0 en 1.1 uit; laat alleen TLS 1.2 en 1.3 toe.",
                        Effort.XS,
                        ""),
                today.minusDays(9),
                f -> {
                    f.assign(iso.id(), iso.name(), iso, at(8));
                    f.confirm(iso, at(8));
                    f.resolve("Oude protocollen uitgeschakeld in de webserver.", iso, at(2));
                });
        add(
                org,
                FindingSource.MANUAL,
                details(
                        "Gedeelde mailbox met gedeeld wachtwoord",
                        "De mailbox van de dienst burgerzaken gebruikt één wachtwoord voor vijf mensen.",
                        Severity.LOW,
                        "Microsoft 365",
                        "Geef elke medewerker eigen toegang tot de gedeelde mailbox.",
                        Effort.XS,
                        ""),
                today.minusDays(60),
                f -> {
                    f.confirm(iso, at(59));
                    f.startWork(iso, at(40));
                    f.resolve(null, iso, at(30));
                });
        add(
                org,
                FindingSource.ADVISORY,
                details(
                        "Kritieke kwetsbaarheid in de VPN-appliance",
                        "De CRT waarschuwde voor een kwetsbaarheid die actief misbruikt wordt.",
                        Severity.HIGH,
                        "VPN",
                        "Installeer de update van de leverancier.",
                        Effort.S,
                        "",
                        true),
                today.minusDays(10),
                f -> f.confirm(iso, at(10)));
        add(
                org,
                FindingSource.INCIDENT,
                details(
                        "Phishingmail leidde tot aanmelding van buitenaf",
                        "Na het incident van vorige maand bleek dat aanmeldingen van buiten Europa niet geblokkeerd worden.",
                        Severity.MEDIUM,
                        "Microsoft 365",
                        "Blokkeer aanmeldingen van buiten Europa met een beleid voor voorwaardelijke toegang.",
                        Effort.S,
                        ""),
                today.minusDays(40),
                f -> {
                    f.confirm(iso, at(39));
                    f.startWork(colleague, at(35));
                    f.resolve("Beleid ingesteld.", colleague, at(20));
                });
        add(
                org,
                FindingSource.MANUAL,
                details(
                        "Printer met standaardwachtwoord",
                        "",
                        Severity.INFORMATIONAL,
                        "Printer gelijkvloers",
                        "",
                        null,
                        ""),
                today.minusDays(5),
                f -> f.markFalsePositive("Het wachtwoord was al gewijzigd.", iso, at(4)));
        retest("Gedeelde mailbox met gedeeld wachtwoord", org, today.minusDays(25), RetestResult.FIXED, null, iso);
        retest(
                "Phishingmail leidde tot aanmelding van buitenaf",
                org,
                today.minusDays(14),
                RetestResult.NOT_FIXED,
                "Aanmeldingen via oudere protocollen vallen nog buiten het beleid.",
                iso);
    }

    private void munthove(UUID org) {
        List<OrganisationMember> people = members.active(org);
        if (people.isEmpty()) {
            return;
        }
        Actor iso = actor(people, OrganisationRole.ORGANISATION_ADMIN);
        LocalDate today = BelgianTime.today(clock);
        add(
                org,
                FindingSource.AUDIT,
                details(
                        "Firewallregels van Munthove niet herzien",
                        "De firewall heeft regels van leveranciers die er niet meer werken.",
                        Severity.HIGH,
                        "Firewall",
                        "Herzie de regels en verwijder wat niet meer nodig is.",
                        Effort.M,
                        ""),
                today.minusDays(14),
                f -> f.confirm(iso, at(13)));
        add(
                org,
                FindingSource.SELF_EVALUATION_ACTION,
                details("Continuïteitsplan van Munthove opstellen", "", Severity.MEDIUM, "", "", Effort.L, "AD02.1"),
                today.minusDays(3),
                f -> {});
    }

    private void add(
            UUID org, FindingSource source, Finding.Details details, LocalDate start, Consumer<Finding> steps) {
        Actor bolwerk = new Actor(null, "Bolwerk");
        SlaProfile profile = sla.effective(org);
        Finding finding = Finding.raise(
                org,
                new Finding.Origin(source, null, null),
                details,
                profile,
                start,
                bolwerk,
                start.atStartOfDay(BelgianTime.ZONE).plusHours(9).toInstant());
        steps.accept(finding);
        store.insert(finding);
    }

    private void retest(String title, UUID org, LocalDate on, RetestResult result, String note, Actor by) {
        UUID id = jdbc.sql("SELECT id FROM finding WHERE organisation_id = :org AND title = :title")
                .param("org", org)
                .param("title", title)
                .query(UUID.class)
                .single();
        Finding finding = store.find(new be.bolwerk.findings.FindingId(id)).orElseThrow();
        finding.retest(
                on,
                "Auditkantoor Voorbeeld",
                result,
                note,
                on,
                by,
                on.atStartOfDay(BelgianTime.ZONE).plusHours(14).toInstant());
        store.update(finding);
    }

    private Instant at(int daysAgo) {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS).minus(daysAgo, ChronoUnit.DAYS);
    }

    private static Actor actor(List<OrganisationMember> people, OrganisationRole role) {
        OrganisationMember member =
                people.stream().filter(m -> m.role() == role).findFirst().orElse(people.get(0));
        return new Actor(member.accountId(), member.displayName());
    }

    private static Finding.Details details(
            String title,
            String description,
            Severity severity,
            String system,
            String recommendation,
            Effort effort,
            String controlRef) {
        return details(title, description, severity, system, recommendation, effort, controlRef, false);
    }

    private static Finding.Details details(
            String title,
            String description,
            Severity severity,
            String system,
            String recommendation,
            Effort effort,
            String controlRef,
            boolean knownExploited) {
        return new Finding.Details(
                title, description, severity, system, recommendation, null, effort, controlRef, knownExploited, "");
    }
}
