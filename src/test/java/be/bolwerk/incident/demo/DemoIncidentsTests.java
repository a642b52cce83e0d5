package be.bolwerk.incident.demo;

import static org.assertj.core.api.Assertions.assertThat;

import be.bolwerk.organisation.demo.DemoOrganisationIds;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The demo incidents (the test context runs the demo profile, so they were seeded at its start): each of the three
 * stories is there once, in the stage it tells, with its history, obligation and mails; running the seeding again
 * (a restart) adds nothing; outside the demo profile the seeding does not exist.
 */
@SpringBootTest
class DemoIncidentsTests {

    private static final List<UUID> KEYS = List.of(DemoIncidents.RANSOMWARE, DemoIncidents.BEC, DemoIncidents.PHONE);

    private final DemoIncidents seeding;
    private final JdbcClient jdbc;

    DemoIncidentsTests(@Autowired DemoIncidents seeding, @Autowired JdbcClient jdbc) {
        this.seeding = seeding;
        this.jdbc = jdbc;
    }

    @Test
    void theDemoTellsThreeStoriesOnceEvenWhenItStartsAgain() {
        assertThat(count()).isEqualTo(3);
        Map<String, Object> before = snapshot();

        seeding.run(new DefaultApplicationArguments());
        seeding.run(new DefaultApplicationArguments());

        assertThat(count()).isEqualTo(3);
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void eachStoryIsInTheStageItTells() {
        Map<String, Object> ransomware = incident(DemoIncidents.RANSOMWARE);
        assertThat(ransomware.get("organisation_id").toString())
                .isEqualTo(DemoOrganisationIds.APPELKERKE.value().toString());
        assertThat(ransomware.get("status")).isEqualTo("TRIAGED");
        assertThat(ransomware.get("category")).isEqualTo("RANSOMWARE");
        UUID id = (UUID) ransomware.get("id");
        assertThat(scalar("SELECT COUNT(*) FROM incident_task WHERE incident_id = :id AND done_at IS NOT NULL", id))
                .isEqualTo(2);
        assertThat(scalar("SELECT COUNT(*) FROM incident_task WHERE incident_id = :id AND done_at IS NULL", id))
                .isPositive();
        assertThat(scalar("SELECT COUNT(*) FROM incident_entry WHERE incident_id = :id", id))
                .isGreaterThanOrEqualTo(4);
        assertThat(scalar("SELECT COUNT(*) FROM incident_asset WHERE incident_id = :id AND status = 'COMPROMISED'", id))
                .isEqualTo(1);
        assertThat(scalar(
                        "SELECT COUNT(*) FROM incident_obligation WHERE incident_id = :id"
                                + " AND kind = 'GDPR_NOTIFICATION' AND state = 'PENDING' AND recipient = 'VTC'",
                        id))
                .isEqualTo(1);
        assertThat(scalar(
                        "SELECT COUNT(*) FROM emergency_support WHERE incident_id = :id AND status = 'RECOMMENDED'",
                        id))
                .isEqualTo(1);
        assertThat(scalar(
                        "SELECT COUNT(*) FROM mail_outbox WHERE subject LIKE :ref",
                        "%" + ransomware.get("reference") + "%"))
                .as("the steps mailed the people they concern")
                .isPositive();

        Map<String, Object> bec = incident(DemoIncidents.BEC);
        assertThat(bec.get("organisation_id").toString())
                .isEqualTo(DemoOrganisationIds.OCMW_MUNTHOVE.value().toString());
        assertThat(bec.get("status")).isEqualTo("CLOSED");
        UUID becId = (UUID) bec.get("id");
        assertThat(scalar("SELECT COUNT(*) FROM incident_review WHERE incident_id = :id", becId))
                .isEqualTo(1);
        assertThat(scalar("SELECT COUNT(*) FROM incident_lesson WHERE incident_id = :id", becId))
                .isEqualTo(2);

        Map<String, Object> phone = incident(DemoIncidents.PHONE);
        assertThat(phone.get("status")).isEqualTo("REPORTED");
        assertThat(phone.get("channel")).isEqualTo("PHONE");
    }

    @Test
    void onlyTheDemoProfileSeeds() {
        Profile profile = AnnotationUtils.findAnnotation(DemoIncidents.class, Profile.class);
        assertThat(profile).isNotNull();
        assertThat(profile.value()).containsExactly("demo");
    }

    private long count() {
        return jdbc.sql("SELECT COUNT(*) FROM incident WHERE submission_key IN (:keys)")
                .param("keys", KEYS)
                .query(Long.class)
                .single();
    }

    private Map<String, Object> snapshot() {
        return Map.of(
                "incidents",
                        jdbc.sql("SELECT COUNT(*) FROM incident")
                                .query(Long.class)
                                .single(),
                "support",
                        jdbc.sql("SELECT COUNT(*) FROM emergency_support")
                                .query(Long.class)
                                .single(),
                "lessons",
                        jdbc.sql("SELECT COUNT(*) FROM incident_lesson")
                                .query(Long.class)
                                .single(),
                "entries",
                        jdbc.sql("SELECT COUNT(*) FROM incident_entry")
                                .query(Long.class)
                                .single());
    }

    private Map<String, Object> incident(UUID key) {
        // Column names as the database spells them: the row's map ignores case.
        return jdbc.sql("SELECT id, reference, organisation_id, status, category, channel FROM incident"
                        + " WHERE submission_key = :k")
                .param("k", key)
                .query()
                .singleRow();
    }

    private long scalar(String sql, Object value) {
        String name = sql.contains(":ref") ? "ref" : "id";
        return jdbc.sql(sql).param(name, value).query(Long.class).single();
    }
}
