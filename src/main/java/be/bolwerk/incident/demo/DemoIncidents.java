package be.bolwerk.incident.demo;

import be.bolwerk.identity.OrganisationMember;
import be.bolwerk.identity.OrganisationMembers;
import be.bolwerk.identity.ProgrammePeople;
import be.bolwerk.incident.Answer;
import be.bolwerk.incident.IncidentCategory;
import be.bolwerk.incident.IncidentId;
import be.bolwerk.incident.IncidentSeverity;
import be.bolwerk.incident.ReportChannel;
import be.bolwerk.incident.Tlp;
import be.bolwerk.incident.handling.IncidentStore;
import be.bolwerk.incident.handling.Report;
import be.bolwerk.incident.handling.Responding;
import be.bolwerk.incident.intake.Reporting;
import be.bolwerk.incident.obligation.IncidentFacts;
import be.bolwerk.incident.obligation.Obligations;
import be.bolwerk.incident.playbook.IncidentTask;
import be.bolwerk.incident.playbook.Tasks;
import be.bolwerk.incident.review.Reviewing;
import be.bolwerk.incident.support.EmergencySupport;
import be.bolwerk.incident.support.Supporting;
import be.bolwerk.incident.timeline.AffectedAssets;
import be.bolwerk.incident.timeline.AssetKind;
import be.bolwerk.incident.timeline.Compromise;
import be.bolwerk.incident.timeline.Entry;
import be.bolwerk.incident.timeline.EntryKind;
import be.bolwerk.incident.timeline.Timeline;
import be.bolwerk.organisation.OrganisationDirectory;
import be.bolwerk.organisation.OrganisationListItem;
import be.bolwerk.organisation.OrganisationSearch;
import be.bolwerk.organisation.OrganisationType;
import be.bolwerk.organisation.demo.DemoOrganisationIds;
import be.bolwerk.shared.security.CurrentUser;
import be.bolwerk.shared.security.Persona;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo profile only: a living CRT queue on first start. Gemeente Appelkerke has a ransomware incident being
 * contained (triaged by the CRT, playbook tasks partly done, timeline entries, a compromised server, a pending notification
 * of the personal data breach to the VTC counting down, and emergency support recommended by the CRT that awaits
 * the programme office); OCMW Munthove a business e-mail compromise that is closed with its root cause and a
 * lesson (not yet adopted: adopting it is for the demo's visitor); the first police zone a fresh phone report
 * nobody has triaged yet.
 *
 * <p>Unlike the other demo data, these are written through the module's own use cases as the demo's people, so
 * that the events, history, obligations, mails and audit trail of each incident agree with each other, as they
 * would after a real one. The use cases stamp the present, so the steps all happened "just now"; what the report
 * and the timeline say happened carries its own, earlier, moments. Each report has a fixed submission key: a
 * restart finds the first one and adds nothing.
 */
@Component
@Profile("demo")
@Order(70)
class DemoIncidents implements ApplicationRunner {

    /** The submission keys of the three reports: a report is stored once per key, and their presence means done. */
    static final UUID RANSOMWARE = key("appelkerke-ransomware");

    static final UUID BEC = key("munthove-bec");
    static final UUID PHONE = key("politiezone-ddos");

    private final Reporting reporting;
    private final Responding responding;
    private final IncidentStore incidents;
    private final Tasks tasks;
    private final Timeline timeline;
    private final AffectedAssets assets;
    private final Obligations obligations;
    private final Supporting supporting;
    private final Reviewing reviewing;
    private final OrganisationMembers members;
    private final ProgrammePeople people;
    private final OrganisationDirectory organisations;
    private final Clock clock;

    DemoIncidents(
            Reporting reporting,
            Responding responding,
            IncidentStore incidents,
            Tasks tasks,
            Timeline timeline,
            AffectedAssets assets,
            Obligations obligations,
            Supporting supporting,
            Reviewing reviewing,
            OrganisationMembers members,
            ProgrammePeople people,
            OrganisationDirectory organisations,
            Clock clock) {
        this.reporting = reporting;
        this.responding = responding;
        this.incidents = incidents;
        this.tasks = tasks;
        this.timeline = timeline;
        this.assets = assets;
        this.obligations = obligations;
        this.supporting = supporting;
        this.reviewing = reviewing;
        this.members = members;
        this.people = people;
        this.organisations = organisations;
        this.clock = clock;
    }

    /**
     * Not one transaction: each use case is its own, as when people click, so that what listens after a commit
     * (the first facts of a report, the audit trail) sees each step.
     */
    @Override
    public void run(ApplicationArguments args) {
        if (incidents.bySubmission(RANSOMWARE).isPresent()) {
            return;
        }
        Optional<CurrentUser> analyst = analyst();
        UUID appelkerke = DemoOrganisationIds.APPELKERKE.value();
        UUID munthove = DemoOrganisationIds.OCMW_MUNTHOVE.value();
        Optional<CurrentUser> iso = member(appelkerke, "iso@appelkerke.invalid");
        Optional<CurrentUser> colleague = member(appelkerke, "medewerker@appelkerke.invalid");
        Optional<CurrentUser> munthoveIso = member(munthove, "iso@munthove.invalid");
        if (analyst.isEmpty() || iso.isEmpty() || colleague.isEmpty() || munthoveIso.isEmpty()) {
            return;
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MINUTES);
        ransomware(appelkerke, colleague.get(), iso.get(), analyst.get(), now);
        businessEmailCompromise(munthove, munthoveIso.get(), analyst.get(), now);
        phoneReport(analyst.get(), now);
    }

    private void ransomware(UUID org, CurrentUser colleague, CurrentUser iso, CurrentUser analyst, Instant now) {
        Instant started = now.minus(Duration.ofHours(22));
        Instant noticed = now.minus(Duration.ofHours(20));
        Report report = new Report(
                "Sinds vanochtend openen medewerkers geen bestanden meer op de fileserver. Op elk scherm staat een"
                        + " bericht dat alles versleuteld is en dat we binnen drie dagen moeten betalen.",
                started,
                noticed,
                "Telefoons van collega's bij de dienst ICT: bestanden met een vreemde extensie",
                Answer.YES,
                "Fileserver, burgerzaken, e-loket, rekenblad van de sociale dienst",
                Answer.UNKNOWN,
                Answer.YES,
                "Netwerkkabels van de fileserver uitgetrokken, VPN afgesloten",
                "Algemeen directeur, burgemeester",
                "+32 50 12 34 56",
                true,
                new Report.Ransomware(Answer.YES, Answer.NO, Answer.UNKNOWN, Answer.UNKNOWN, Answer.YES),
                null,
                "Voorbeeldverzekeraar nv",
                "CYB-2026-0042",
                now.minus(Duration.ofHours(18)));
        IncidentId id = reporting
                .report(org, report, ReportChannel.FORM, RANSOMWARE, colleague)
                .incident()
                .id();
        responding.triage(
                id,
                revision(id),
                new Responding.Classification(
                        IncidentSeverity.CRITICAL, IncidentCategory.RANSOMWARE, analyst.id(), Tlp.AMBER),
                analyst);
        List<IncidentTask> playbook = tasks.of(id, analyst);
        playbook.stream().limit(2).forEach(t -> tasks.done(id, t.id(), analyst));

        entry(
                id,
                EntryKind.OBSERVATION,
                "Losgeldbericht gevonden op de fileserver en op twaalf werkposten.",
                19,
                analyst);
        entry(
                id,
                EntryKind.DECISION,
                "Geen contact met de aanvallers; eerst de omvang en de back-ups nagaan.",
                18,
                analyst);
        entry(
                id,
                EntryKind.MESSAGE_FROM_ORGANISATION,
                "De offline back-up van zondag lijkt onaangetast; de dienst ICT kijkt het na.",
                6,
                iso);
        entry(id, EntryKind.ACTION, "Beheerderswachtwoorden van het domein gewijzigd.", 3, analyst);

        UUID server = assets.add(id, "Fileserver FS01", AssetKind.SERVER, analyst);
        assets.changeStatus(id, server, Compromise.TO_BE_DETERMINED, Compromise.COMPROMISED, analyst);
        assets.add(id, "Back-upserver BK01", AssetKind.SERVER, analyst);

        // Personal data known to be affected 18 hours ago: the 72-hour notification to the VTC has 54 hours left.
        obligations.changeFacts(
                id,
                new IncidentFacts.Values(
                        noticed,
                        null,
                        now.minus(Duration.ofHours(18)),
                        started,
                        null,
                        Answer.YES,
                        Answer.UNKNOWN,
                        "Een versleutelde map bevat lijsten van de sociale dienst met rijksregisternummers"),
                analyst);

        UUID support = supporting.request(
                id,
                new EmergencySupport.Request(
                        "Extern incidentresponsbedrijf voor forensisch onderzoek en heropbouw",
                        "Voorbeeld Incident Response bv",
                        new BigDecimal("45000.00"),
                        "De dienst ICT telt twee mensen en heeft geen forensische ervaring; zonder hulp blijven"
                                + " burgerzaken en de sociale dienst wekenlang dicht."),
                iso);
        supporting.recommend(
                id,
                support,
                new BigDecimal("40000.00"),
                "Noodzakelijk om veilig te herstellen; de heropbouw van de werkposten doet de gemeente zelf.",
                analyst);
    }

    private void businessEmailCompromise(UUID org, CurrentUser iso, CurrentUser analyst, Instant now) {
        Instant started = now.minus(Duration.ofDays(12));
        Report report = new Report(
                "Een leverancier meldt dat zijn factuur niet betaald is. Een mail van onze boekhouder vroeg de"
                        + " week ervoor om betalingen naar een nieuw rekeningnummer te sturen.",
                started,
                now.minus(Duration.ofDays(11)),
                "Telefoon van de leverancier",
                Answer.NO,
                "Mailbox van de boekhouding (Microsoft 365)",
                Answer.NO,
                Answer.NO,
                "Wachtwoord van de mailbox gewijzigd, bank verwittigd",
                "Voorzitter van het bijzonder comité",
                "+32 51 98 76 54",
                false,
                null,
                "PV-2026-118",
                null,
                null,
                null);
        IncidentId id = reporting
                .report(org, report, ReportChannel.FORM, BEC, iso)
                .incident()
                .id();
        responding.triage(
                id,
                revision(id),
                new Responding.Classification(
                        IncidentSeverity.HIGH, IncidentCategory.PHISHING_BEC, analyst.id(), Tlp.GREEN),
                analyst);
        entry(
                id,
                EntryKind.OBSERVATION,
                "Doorstuurregel naar een extern adres gevonden in de mailbox van de boekhouding.",
                24 * 10,
                analyst);
        responding.contain(id, revision(id), analyst);
        responding.eradicate(id, revision(id), analyst);
        responding.recover(id, revision(id), analyst);
        responding.close(
                id,
                revision(id),
                "Doorstuurregel verwijderd, sessies ingetrokken, betaling via de bank teruggevorderd",
                "Eén factuur van 8.400 euro naar een vreemde rekening; 6.000 euro teruggekregen",
                analyst);
        reviewing.recordRootCause(
                id, "Een phishingmail met een valse aanmeldpagina; de mailbox had geen tweede factor.", analyst);
        reviewing.addLesson(
                id,
                "Tweede factor voor alle mailboxen",
                "Een gestolen wachtwoord volstond om de mailbox over te nemen.",
                IncidentSeverity.HIGH,
                analyst);
        reviewing.addLesson(
                id,
                "Wijziging van een rekeningnummer telefonisch nagaan",
                "Bel de leverancier op een gekend nummer voor een nieuw rekeningnummer wordt ingevoerd.",
                IncidentSeverity.MEDIUM,
                analyst);
    }

    private void phoneReport(CurrentUser analyst, Instant now) {
        List<OrganisationListItem> zones = organisations
                .search(new OrganisationSearch("", OrganisationType.POLICE_ZONE, null, false, 0, 1), analyst)
                .items();
        if (zones.isEmpty()) {
            return;
        }
        Report report = new Report(
                "De website en het e-loket van de politiezone zijn sinds een halfuur onbereikbaar; de provider ziet"
                        + " een grote stroom verkeer uit het buitenland.",
                now.minus(Duration.ofMinutes(40)),
                now.minus(Duration.ofMinutes(25)),
                "Burgers bellen dat ze geen klacht online kunnen indienen",
                Answer.YES,
                "Website, e-loket",
                Answer.NO,
                Answer.YES,
                "Provider verwittigd",
                "Korpschef",
                "+32 9 123 45 67",
                false,
                null,
                null,
                null,
                null,
                null);
        reporting.reportByPhone(zones.get(0).id().value(), report, "ICT-verantwoordelijke van de zone", PHONE, analyst);
    }

    private void entry(IncidentId id, EntryKind kind, String text, int hoursAgo, CurrentUser by) {
        Instant at = clock.instant().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofHours(hoursAgo));
        timeline.write(id, new Entry.Draft(kind, text, at, Tlp.AMBER), null, by);
    }

    private int revision(IncidentId id) {
        return incidents.find(id).orElseThrow().revision();
    }

    private Optional<CurrentUser> analyst() {
        return people.holding(Persona.CRT_ANALYST).stream()
                .filter(h -> "analist@crt.invalid".equals(h.email()))
                .findFirst()
                .map(h -> new CurrentUser(
                        h.accountId(), h.email(), h.displayName(), null, true, Set.of(Persona.CRT_ANALYST), Map.of()));
    }

    private Optional<CurrentUser> member(UUID org, String email) {
        return members.active(org).stream()
                .filter(m -> email.equals(m.email()))
                .findFirst()
                .map(m -> user(org, m));
    }

    private static CurrentUser user(UUID org, OrganisationMember m) {
        return new CurrentUser(m.accountId(), m.email(), m.displayName(), null, true, Set.of(), Map.of(org, m.role()));
    }

    private static UUID key(String name) {
        return UUID.nameUUIDFromBytes(("bolwerk-demo-incident-" + name).getBytes());
    }
}
