package be.bolwerk.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import be.bolwerk.TestUsers;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.TestPropertySource;

/**
 * The events the organisation module promises other modules (ADR 0015), with the module and what it depends
 * on bootstrapped alone: the domain raises them, whoever listens.
 */
@ApplicationModuleTest(extraIncludes = "shared")
// A database of its own: the schema's one Java migration (V19) belongs to audittrail, which is not bootstrapped
// here, so this context must not migrate (or validate) the database the whole application's tests share. The
// contract is about events, not SQL, so it runs on H2 in the PostgreSQL run too.
@TestPropertySource(
        properties = {
            "spring.datasource.url=jdbc:h2:mem:organisation-events;MODE=PostgreSQL;DB_CLOSE_DELAY=-1;DEFAULT_NULL_ORDERING=HIGH",
            "spring.datasource.username=sa",
            "spring.datasource.password="
        })
@WithMockUser(roles = "PROGRAMME_OFFICER")
class OrganisationEventTests {

    private final OrganisationManagement management;
    private final OrganisationDirectory directory;

    OrganisationEventTests(@Autowired OrganisationManagement management, @Autowired OrganisationDirectory directory) {
        this.management = management;
        this.directory = directory;
    }

    private static OrganisationDetails details(String name, Integer inhabitants) {
        return new OrganisationDetails(
                name, OrganisationType.POLICE_ZONE, null, inhabitants, 12, "scenario@test.invalid", null);
    }

    @Test
    void registeringAnOrganisationPublishesOrganisationRegistered(Scenario scenario) {
        String name = "Politiezone Scenario " + UUID.randomUUID();

        scenario.stimulate(() -> management.register(details(name, 20_000)))
                .andWaitForEventOfType(OrganisationRegistered.class)
                .matching(event -> event.name().equals(name))
                .toArriveAndVerify((event, id) -> {
                    assertThat(event.organisationId()).isEqualTo(id);
                    assertThat(event.type()).isEqualTo(OrganisationType.POLICE_ZONE);
                });
    }

    @Test
    void updatingTheProfilePublishesOrganisationProfileUpdated(Scenario scenario) {
        String name = "Politiezone Wijziging " + UUID.randomUUID();
        OrganisationId id = management.register(details(name, 20_000));
        int version = directory.profile(id, TestUsers.programmeOfficer()).version();

        scenario.stimulate(() -> management.update(id, details(name, 21_000), version))
                .andWaitForEventOfType(OrganisationProfileUpdated.class)
                .matching(event -> event.organisationId().equals(id))
                .toArrive();
    }

    @Test
    void exportingTheListPublishesOrganisationListExportedWithTheRowCount(Scenario scenario) {
        OrganisationSearch search =
                new OrganisationSearch("Scenario", null, "name", false, 0, OrganisationSearch.DEFAULT_SIZE);

        scenario.stimulate(() -> directory.export(search, TestUsers.programmeOfficer()))
                .andWaitForEventOfType(OrganisationListExported.class)
                .toArriveAndVerify((event, rows) -> {
                    assertThat(event.rows()).isEqualTo(rows.size());
                    assertThat(event.filter()).contains("q=Scenario");
                });
    }
}
