package be.bolwerk.incident.playbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.bolwerk.TestUsers;
import be.bolwerk.incident.IncidentCategory;
import be.bolwerk.organisation.demo.DemoOrganisationIds;
import be.bolwerk.shared.Refusal;
import be.bolwerk.shared.security.CurrentUser;
import be.bolwerk.shared.security.OrganisationRole;
import be.bolwerk.shared.security.Persona;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

/**
 * The playbooks as the CRT keeps them: seeded for every category, a task added at the end, changed, moved and
 * removed; input that breaks a rule is refused by name; nobody but a CRT analyst reads or changes them.
 */
@SpringBootTest
class PlaybookTests {

    private final Playbooks playbooks;
    private final JdbcClient jdbc;
    private final CurrentUser analyst = TestUsers.persona(Persona.CRT_ANALYST);
    private final String marker = "Draaiboek " + UUID.randomUUID().toString().substring(0, 8);

    PlaybookTests(@Autowired Playbooks playbooks, @Autowired JdbcClient jdbc) {
        this.playbooks = playbooks;
        this.jdbc = jdbc;
    }

    @AfterEach
    void clean() {
        jdbc.sql("DELETE FROM incident_playbook_task WHERE title LIKE :m")
                .param("m", marker + "%")
                .update();
    }

    private List<PlaybookTask> of(IncidentCategory category) {
        return playbooks.all(analyst).get(category);
    }

    @Test
    void everyCategoryStartsWithAPlaybook() {
        assertThat(playbooks.all(analyst))
                .hasSize(IncidentCategory.values().length)
                .allSatisfy((category, tasks) -> {
                    assertThat(tasks).as("playbook of %s", category).isNotEmpty();
                    assertThat(tasks)
                            .extracting(PlaybookTask::position)
                            .isSorted()
                            .doesNotHaveDuplicates();
                });
        assertThat(of(IncidentCategory.RANSOMWARE))
                .extracting(PlaybookTask::title)
                .contains(
                        "Getroffen systemen van het netwerk halen",
                        "Losgeldbericht bewaren",
                        "Offline back-ups nagaan",
                        "Klacht indienen bij de politie",
                        "Verzekeraar verwittigen");
    }

    @Test
    void aTaskIsAddedAtTheEndChangedMovedAndRemoved() {
        int before = of(IncidentCategory.PHISHING_BEC).size();
        UUID id = playbooks.add(
                IncidentCategory.PHISHING_BEC,
                new Playbooks.Template(marker + " melding bij Safeonweb", "  ", Side.ORGANISATION, 12),
                analyst);

        List<PlaybookTask> after = of(IncidentCategory.PHISHING_BEC);
        assertThat(after).hasSize(before + 1);
        assertThat(after.get(after.size() - 1)).satisfies(t -> {
            assertThat(t.id()).isEqualTo(id);
            assertThat(t.description()).as("blank is no description").isNull();
            assertThat(t.dueHours()).isEqualTo(12);
        });

        playbooks.change(id, new Playbooks.Template(marker + " melden", "Via het formulier", Side.CRT, 4), analyst);
        assertThat(playbooks.find(id, analyst)).satisfies(t -> {
            assertThat(t.side()).isEqualTo(Side.CRT);
            assertThat(t.description()).isEqualTo("Via het formulier");
        });

        playbooks.move(id, true, analyst);
        List<PlaybookTask> moved = of(IncidentCategory.PHISHING_BEC);
        assertThat(moved.get(moved.size() - 2).id()).isEqualTo(id);
        playbooks.move(id, false, analyst);
        playbooks.move(id, false, analyst);
        List<PlaybookTask> last = of(IncidentCategory.PHISHING_BEC);
        assertThat(last.get(last.size() - 1).id())
                .as("at the edge nothing moves")
                .isEqualTo(id);

        playbooks.remove(id, analyst);
        assertThat(of(IncidentCategory.PHISHING_BEC)).hasSize(before).noneMatch(t -> t.id().equals(id));
        assertThatThrownBy(() -> playbooks.find(id, analyst)).isInstanceOf(Playbooks.TaskNotFound.class);
    }

    @Test
    void inputThatBreaksARuleIsRefusedByName() {
        assertThatThrownBy(() ->
                        playbooks.add(IncidentCategory.OTHER, new Playbooks.Template(" ", null, Side.CRT, 1), analyst))
                .isInstanceOfSatisfying(
                        Refusal.class,
                        r -> assertThat(r.is(Playbooks.TITLE_REQUIRED)).isTrue());
        assertThatThrownBy(() ->
                        playbooks.add(IncidentCategory.OTHER, new Playbooks.Template(marker, null, null, 1), analyst))
                .isInstanceOfSatisfying(
                        Refusal.class,
                        r -> assertThat(r.is(Playbooks.SIDE_REQUIRED)).isTrue());
        assertThatThrownBy(() -> playbooks.add(
                        IncidentCategory.OTHER, new Playbooks.Template(marker, null, Side.CRT, -1), analyst))
                .isInstanceOfSatisfying(
                        Refusal.class,
                        r -> assertThat(r.is(Playbooks.DUE_RANGE)).isTrue());
        assertThatThrownBy(() -> playbooks.add(
                        IncidentCategory.OTHER, new Playbooks.Template(marker, null, Side.CRT, null), analyst))
                .isInstanceOfSatisfying(
                        Refusal.class,
                        r -> assertThat(r.is(Playbooks.DUE_RANGE)).isTrue());
        assertThatThrownBy(() -> playbooks.add(
                        IncidentCategory.OTHER,
                        new Playbooks.Template(marker + "x".repeat(200), null, Side.CRT, 1),
                        analyst))
                .isInstanceOfSatisfying(
                        Refusal.class, r -> assertThat(r.is(Playbooks.TOO_LONG)).isTrue());
        assertThatThrownBy(() -> playbooks.add(null, new Playbooks.Template(marker, null, Side.CRT, 1), analyst))
                .isInstanceOf(Refusal.class);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM incident_playbook_task WHERE title LIKE :m")
                        .param("m", marker + "%")
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void onlyCrtAnalystsReadAndChangePlaybooks() {
        CurrentUser admin =
                TestUsers.member(DemoOrganisationIds.APPELKERKE.value(), OrganisationRole.ORGANISATION_ADMIN);
        assertThatThrownBy(() -> playbooks.all(admin)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> playbooks.all(TestUsers.programmeOfficer())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() ->
                        playbooks.add(IncidentCategory.OTHER, new Playbooks.Template(marker, null, Side.CRT, 1), admin))
                .isInstanceOf(AccessDeniedException.class);
        UUID any = of(IncidentCategory.OTHER).get(0).id();
        assertThatThrownBy(() -> playbooks.remove(any, admin)).isInstanceOf(AccessDeniedException.class);
        assertThat(of(IncidentCategory.OTHER)).anyMatch(t -> t.id().equals(any));
    }
}
