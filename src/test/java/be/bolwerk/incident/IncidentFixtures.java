package be.bolwerk.incident;

import be.bolwerk.incident.handling.Actor;
import be.bolwerk.incident.handling.Incident;
import be.bolwerk.incident.handling.IncidentStore;
import be.bolwerk.incident.handling.Report;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Incidents for tests, stored as a report through the form would store them (without its events), and removed
 * again by the marker in what happened. Tests create it with constructor injection of this class
 * ({@code @Import(IncidentFixtures.class)} or the component scan of the test context).
 */
@Component
public class IncidentFixtures {

    private final IncidentStore store;
    private final JdbcClient jdbc;

    IncidentFixtures(IncidentStore store, JdbcClient jdbc) {
        this.store = store;
        this.jdbc = jdbc;
    }

    /** A ransomware report with personal data possibly involved, noticed an hour before {@code now}. */
    public static Report ransomware(String whatHappened, Instant now) {
        return new Report(
                whatHappened,
                now.minus(Duration.ofHours(3)),
                now.minus(Duration.ofHours(1)),
                "Medewerkers konden geen bestanden meer openen",
                Answer.YES,
                "Bestandsserver, burgerzaken",
                Answer.UNKNOWN,
                Answer.YES,
                "Netwerkkabels van de bestandsserver uitgetrokken",
                "Burgemeester",
                "+32 470 12 34 56",
                true,
                new Report.Ransomware(Answer.YES, Answer.NO, Answer.UNKNOWN, Answer.UNKNOWN, Answer.YES),
                null,
                null,
                null,
                null);
    }

    /** Stores a ransomware report of the organisation, reported by {@code reporter} at {@code now}. */
    public Incident report(UUID organisationId, String whatHappened, Actor reporter, Instant now) {
        Incident incident = Incident.report(
                organisationId, ransomware(whatHappened, now), ReportChannel.FORM, reporter, UUID.randomUUID(), now);
        return store.insert(incident).incident();
    }

    /** Removes the incidents whose description starts with the marker (and what hangs off them, by cascade). */
    public void removeMarked(String marker) {
        jdbc.sql("DELETE FROM incident WHERE what_happened LIKE :m")
                .param("m", marker + "%")
                .update();
    }
}
