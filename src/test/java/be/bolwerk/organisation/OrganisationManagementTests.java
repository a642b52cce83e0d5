package be.bolwerk.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.bolwerk.TestUsers;
import be.bolwerk.shared.Refusal;
import be.bolwerk.shared.security.Persona;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

@SpringBootTest
@RecordApplicationEvents
class OrganisationManagementTests {

    private final OrganisationManagement management;
    private final OrganisationDirectory directory;

    OrganisationManagementTests(
            @Autowired OrganisationManagement management, @Autowired OrganisationDirectory directory) {
        this.management = management;
        this.directory = directory;
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private static void signInAs(Persona persona) {
        var user = TestUsers.persona(persona);
        SecurityContextHolder.getContext().setAuthentication(TestUsers.fullySignedIn(user));
    }

    private static OrganisationDetails unique(String prefix) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        return new OrganisationDetails(
                prefix + " " + suffix, OrganisationType.POLICE_ZONE, null, 30_000, 80, "pz@test.invalid", null);
    }

    @Test
    void programmeOfficerRegistersAnOrganisationAndTheEventIsPublished(@Autowired ApplicationEvents events) {
        signInAs(Persona.PROGRAMME_OFFICER);
        OrganisationDetails details = unique("Politiezone Registratie");

        OrganisationId id = management.register(details);

        assertThat(directory.profile(id, TestUsers.programmeOfficer()).name()).isEqualTo(details.name());
        assertThat(events.stream(OrganisationRegistered.class))
                .containsExactly(new OrganisationRegistered(id, details.name(), OrganisationType.POLICE_ZONE));
    }

    @Test
    void refusesASecondOrganisationWithTheSameName() {
        signInAs(Persona.PROGRAMME_OFFICER);
        OrganisationDetails details = unique("Politiezone Dubbel");
        management.register(details);

        assertThatThrownBy(() -> management.register(details)).isInstanceOfSatisfying(Refusal.class, e -> {
            assertThat(e.messageKey()).isEqualTo(OrganisationManagement.DUPLICATE_NAME);
            assertThat(e.kind()).isEqualTo(Refusal.Kind.CONFLICT);
        });
    }

    @Test
    void refusesADuplicateNisCode() {
        signInAs(Persona.PROGRAMME_OFFICER);
        OrganisationDetails withNis = new OrganisationDetails(
                "Gemeente Nis " + UUID.randomUUID(), OrganisationType.MUNICIPALITY, "90000", 1, 1, "a@b.invalid", null);

        assertThatThrownBy(() -> management.register(withNis)).isInstanceOfSatisfying(Refusal.class, e -> {
            assertThat(e.messageKey()).isEqualTo(OrganisationManagement.DUPLICATE_NIS_CODE);
            assertThat(e.kind()).isEqualTo(Refusal.Kind.CONFLICT);
        });
    }

    @Test
    void updateChangesTheProfileAndRefusesAStaleVersion() {
        signInAs(Persona.PROGRAMME_OFFICER);
        OrganisationId id = management.register(unique("Politiezone Wijzig"));
        OrganisationProfile before = directory.profile(id, TestUsers.programmeOfficer());
        OrganisationDetails changed = new OrganisationDetails(
                before.name(), before.type(), null, 31_000, 81, "nieuw@test.invalid", "+32 9 000 00 00");

        management.update(id, changed, before.version());

        OrganisationProfile after = directory.profile(id, TestUsers.programmeOfficer());
        assertThat(after.inhabitants()).isEqualTo(31_000);
        assertThat(after.contactEmail()).isEqualTo("nieuw@test.invalid");
        assertThat(after.version()).isGreaterThan(before.version());
        assertThatThrownBy(() -> management.update(id, changed, before.version()))
                .isInstanceOfSatisfying(
                        Refusal.class, e -> assertThat(e.messageKey()).isEqualTo(OrganisationManagement.STALE));
    }

    @Test
    void theProgrammeOfficerPutsAnOrganisationInNis2ScopeAndOtherModulesReadIt() {
        signInAs(Persona.PROGRAMME_OFFICER);
        OrganisationId id = management.register(unique("Politiezone NIS2"));
        OrganisationProfile before = directory.profile(id, TestUsers.programmeOfficer());
        assertThat(before.nis2Scope()).isEqualTo(Nis2Scope.NOT_IN_SCOPE);
        OrganisationDetails essential = new OrganisationDetails(
                before.name(),
                before.type(),
                null,
                before.inhabitants(),
                before.staffCount(),
                before.contactEmail(),
                null,
                Nis2Scope.ESSENTIAL);

        management.update(id, essential, before.version());

        assertThat(directory.profile(id, TestUsers.programmeOfficer()).nis2Scope())
                .isEqualTo(Nis2Scope.ESSENTIAL);
        assertThat(directory.regulation(id))
                .isEqualTo(new OrganisationDirectory.Regulation(OrganisationType.POLICE_ZONE, Nis2Scope.ESSENTIAL));
    }

    @Test
    void onlyProgrammeOfficersMayRegister() {
        for (Persona persona : new Persona[] {Persona.CRT_ANALYST, Persona.PLATFORM_ADMIN, Persona.AUDITOR}) {
            signInAs(persona);
            assertThatThrownBy(() -> management.register(unique("Politiezone Geweigerd")))
                    .isInstanceOf(AccessDeniedException.class);
        }
    }
}
