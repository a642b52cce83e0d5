package be.bolwerk.findings.demo;

import be.bolwerk.findings.FindingSource;
import be.bolwerk.findings.RiskDecision;
import be.bolwerk.findings.Severity;
import be.bolwerk.findings.acceptance.Maxima;
import be.bolwerk.findings.acceptance.MaximumDuration;
import be.bolwerk.findings.acceptance.RiskAcceptance;
import be.bolwerk.findings.acceptance.RiskAcceptanceStore;
import be.bolwerk.findings.register.Actor;
import be.bolwerk.findings.register.Finding;
import be.bolwerk.findings.register.FindingStore;
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
 * Demo profile only: two risk acceptances of Gemeente Appelkerke (ADR 0030), each over a finding of its own. One is
 * active: proposed by the colleague, approved by the information security officer. The other is proposed by the
 * colleague and waits for her decision, so the demo shows four eyes at work (the proposer sees no approve button).
 * Written through the aggregates' own steps straight into the stores, without events or mails.
 */
@Component
@Profile("demo")
@Order(61)
class DemoRiskAcceptances implements ApplicationRunner {

    private final JdbcClient jdbc;
    private final FindingStore findings;
    private final RiskAcceptanceStore acceptances;
    private final SlaProfiles sla;
    private final Maxima maxima;
    private final OrganisationMembers members;
    private final Clock clock;

    DemoRiskAcceptances(
            JdbcClient jdbc,
            FindingStore findings,
            RiskAcceptanceStore acceptances,
            SlaProfiles sla,
            Maxima maxima,
            OrganisationMembers members,
            Clock clock) {
        this.jdbc = jdbc;
        this.findings = findings;
        this.acceptances = acceptances;
        this.sla = sla;
        this.maxima = maxima;
        this.members = members;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        UUID org = DemoOrganisationIds.APPELKERKE.value();
        if (jdbc.sql("SELECT COUNT(*) FROM risk_acceptance WHERE organisation_id = :org")
                        .param("org", org)
                        .query(Long.class)
                        .single()
                > 0) {
            return;
        }
        List<OrganisationMember> people = members.active(org);
        Optional<OrganisationMember> admin = person(people, OrganisationRole.ORGANISATION_ADMIN);
        Optional<OrganisationMember> colleague = person(people, OrganisationRole.MEMBER);
        if (admin.isEmpty() || colleague.isEmpty()) {
            return;
        }
        Actor iso = actor(admin.get());
        Actor marc = actor(colleague.get());
        LocalDate today = BelgianTime.today(clock);
        MaximumDuration maximum = maxima.current();

        Finding windows = finding(
                org,
                "Windows 7-pc voor de weegbrug van het containerpark",
                "De software van de weegbrug draait alleen op Windows 7; de leverancier heeft geen nieuwe versie.",
                Severity.MEDIUM,
                "Containerpark",
                today.minusDays(40),
                iso);
        RiskAcceptance active = RiskAcceptance.propose(
                org,
                new RiskAcceptance.Terms(
                        "Weegbrug-pc blijft tot de nieuwe weegbrug",
                        RiskDecision.MITIGATE,
                        "De pc staat in een apart netwerksegment zonder internettoegang; usb-poorten zijn afgesloten.",
                        "Collegebesluit 2026/142",
                        admin.get().accountId(),
                        admin.get().displayName(),
                        today.plusMonths(4)),
                List.of(covered(windows)),
                null,
                maximum,
                today.minusDays(20),
                marc,
                at(20));
        active.approve(List.of(covered(windows)), maximum, today.minusDays(18), iso, at(18));
        windows.acceptRisk(active.id(), active.title(), iso, at(18));
        findings.insert(windows);
        acceptances.insert(active, null);

        Finding usb = finding(
                org,
                "Onversleutelde usb-sticks bij de technische dienst",
                "De technische dienst bewaart plannen op usb-sticks zonder versleuteling.",
                Severity.LOW,
                "Technische dienst",
                today.minusDays(15),
                iso);
        findings.insert(usb);
        RiskAcceptance proposed = RiskAcceptance.propose(
                org,
                new RiskAcceptance.Terms(
                        "Usb-sticks tot de uitrol van versleutelde sticks",
                        RiskDecision.ACCEPT,
                        "De sticks blijven in de kluis van de dienst; elke uitlening wordt genoteerd.",
                        "Voorstel aan het college",
                        colleague.get().accountId(),
                        colleague.get().displayName(),
                        today.plusMonths(3)),
                List.of(covered(usb)),
                null,
                maximum,
                today.minusDays(2),
                marc,
                at(2));
        acceptances.insert(proposed, null);
    }

    private Finding finding(
            UUID org, String title, String description, Severity severity, String system, LocalDate start, Actor by) {
        Finding finding = Finding.raise(
                org,
                new Finding.Origin(FindingSource.MANUAL, null, null),
                new Finding.Details(title, description, severity, system, "", null, null, "", false, ""),
                sla.effective(org),
                start,
                by,
                at((int) ChronoUnit.DAYS.between(start, BelgianTime.today(clock))));
        finding.confirm(by, at((int) ChronoUnit.DAYS.between(start, BelgianTime.today(clock)) - 1));
        return finding;
    }

    private static RiskAcceptance.Covered covered(Finding f) {
        return new RiskAcceptance.Covered(f.id(), f.organisationId(), f.title(), f.severity(), f.status());
    }

    private Instant at(int daysAgo) {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS).minus(daysAgo, ChronoUnit.DAYS);
    }

    private static Optional<OrganisationMember> person(List<OrganisationMember> people, OrganisationRole role) {
        return people.stream().filter(m -> m.role() == role).findFirst();
    }

    private static Actor actor(OrganisationMember member) {
        return new Actor(member.accountId(), member.displayName());
    }
}
