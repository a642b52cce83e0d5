package be.bolwerk.campaign.running;

import be.bolwerk.campaign.CampaignId;
import be.bolwerk.organisation.OrganisationType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The one class that writes the campaign tables (ADR 0002). Extending is a conditional write on the deadline the
 * officer saw, and a reminder is recorded only if its occasion was not recorded before: both answer whether
 * they wrote, so the caller mails exactly once.
 */
@Repository
public class CampaignStore {

    private static final String CAMPAIGN_COLUMNS = "id, name, framework_version_id, campaign_year, invited_type,"
            + " starts_on, deadline, reminder_days, opened_by, opened_at";

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    CampaignStore(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** The campaign and its participants, each with the campaign's deadline. */
    public void insert(Campaign campaign, Map<UUID, String> organisations) {
        jdbc.sql("INSERT INTO campaign (" + CAMPAIGN_COLUMNS + ") VALUES (:id, :name, :version, :year, :type,"
                        + " :startsOn, :deadline, :reminders, :openedBy, :openedAt)")
                .param("id", campaign.id().value())
                .param("name", campaign.name())
                .param("version", campaign.frameworkVersionId())
                .param("year", campaign.year())
                .param(
                        "type",
                        campaign.invitedType() == null
                                ? null
                                : campaign.invitedType().name())
                .param("startsOn", campaign.startsOn())
                .param("deadline", campaign.deadline())
                .param("reminders", campaign.reminders().text())
                .param("openedBy", campaign.openedBy())
                .param("openedAt", utc(campaign.openedAt()))
                .update();
        List<Object[]> rows = organisations.entrySet().stream()
                .map(o -> new Object[] {campaign.id().value(), o.getKey(), o.getValue(), campaign.deadline()})
                .toList();
        batch.batchUpdate(
                "INSERT INTO campaign_participant (campaign_id, organisation_id, organisation, deadline)"
                        + " VALUES (?, ?, ?, ?)",
                rows);
    }

    public boolean exists(UUID frameworkVersionId, int year) {
        return jdbc.sql("SELECT COUNT(*) FROM campaign WHERE framework_version_id = :version AND campaign_year = :year")
                        .param("version", frameworkVersionId)
                        .param("year", year)
                        .query(Long.class)
                        .single()
                > 0;
    }

    public Optional<Campaign> find(CampaignId id) {
        return jdbc.sql("SELECT " + CAMPAIGN_COLUMNS + " FROM campaign WHERE id = :id")
                .param("id", id.value())
                .query(CampaignStore::campaign)
                .optional();
    }

    /** Newest year first. */
    public List<Campaign> all() {
        return jdbc.sql("SELECT " + CAMPAIGN_COLUMNS
                        + " FROM campaign ORDER BY campaign_year DESC, deadline DESC, name")
                .query(CampaignStore::campaign)
                .list();
    }

    /** Campaigns that started on or before this day and that an organisation still has to meet after it. */
    public List<Campaign> running(LocalDate day) {
        return jdbc.sql("SELECT " + CAMPAIGN_COLUMNS + " FROM campaign c WHERE starts_on <= :day AND EXISTS"
                        + " (SELECT 1 FROM campaign_participant p WHERE p.campaign_id = c.id AND p.deadline > :day)"
                        + " ORDER BY opened_at")
                .param("day", day)
                .query(CampaignStore::campaign)
                .list();
    }

    public List<Participant> participants(CampaignId id) {
        return jdbc.sql("""
                        SELECT organisation_id, organisation, deadline, extension_reason, extended_by, extended_at
                        FROM campaign_participant WHERE campaign_id = :id ORDER BY organisation, organisation_id
                        """)
                .param("id", id.value())
                .query(CampaignStore::participant)
                .list();
    }

    public Optional<Participant> participant(CampaignId id, UUID organisationId) {
        return jdbc.sql("""
                        SELECT organisation_id, organisation, deadline, extension_reason, extended_by, extended_at
                        FROM campaign_participant WHERE campaign_id = :id AND organisation_id = :organisation
                        """)
                .param("id", id.value())
                .param("organisation", organisationId)
                .query(CampaignStore::participant)
                .optional();
    }

    /** Sets the new deadline only if it is still the one the officer extended; false if someone was first. */
    public boolean extend(
            CampaignId id,
            UUID organisationId,
            LocalDate seen,
            LocalDate deadline,
            String reason,
            UUID by,
            Instant at) {
        return jdbc.sql("""
                                UPDATE campaign_participant
                                SET deadline = :deadline, extension_reason = :reason, extended_by = :by,
                                    extended_at = :at
                                WHERE campaign_id = :id AND organisation_id = :organisation AND deadline = :seen
                                """)
                        .param("deadline", deadline)
                        .param("reason", reason)
                        .param("by", by)
                        .param("at", utc(at))
                        .param("id", id.value())
                        .param("organisation", organisationId)
                        .param("seen", seen)
                        .update()
                == 1;
    }

    /**
     * Records a reminder's occasion for an organisation unless it was recorded before. The scheduled job runs on
     * one node at a time (ShedLock), so the check and the insert do not race; the primary key has the last word.
     */
    public boolean recordReminder(
            CampaignId id, UUID organisationId, String occasion, Instant at, UUID by, int recipients) {
        return jdbc.sql("""
                                INSERT INTO campaign_reminder
                                    (campaign_id, organisation_id, reminder_key, sent_at, sent_by, recipients)
                                SELECT :id, :organisation, :occasion, :at, CAST(:by AS UUID), :recipients
                                WHERE NOT EXISTS (SELECT 1 FROM campaign_reminder
                                    WHERE campaign_id = :id AND organisation_id = :organisation
                                      AND reminder_key = :occasion)
                                """)
                        .param("id", id.value())
                        .param("organisation", organisationId)
                        .param("occasion", occasion)
                        .param("at", utc(at))
                        .param("by", by)
                        .param("recipients", recipients)
                        .update()
                == 1;
    }

    /**
     * Per organisation, when a reminder of this campaign last reached someone: an occasion that found no active
     * admin to mail is recorded (it passed) but reminded nobody.
     */
    public Map<UUID, Instant> lastReminders(CampaignId id) {
        Map<UUID, Instant> result = new HashMap<>();
        jdbc.sql("""
                        SELECT organisation_id, MAX(sent_at) AS last_sent FROM campaign_reminder
                        WHERE campaign_id = :id AND recipients > 0 GROUP BY organisation_id
                        """)
                .param("id", id.value())
                .query((rs, row) -> Map.entry(
                        rs.getObject("organisation_id", UUID.class),
                        rs.getObject("last_sent", OffsetDateTime.class).toInstant()))
                .list()
                .forEach(e -> result.put(e.getKey(), e.getValue()));
        return result;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Campaign campaign(ResultSet rs, int row) throws SQLException {
        String type = rs.getString("invited_type");
        return new Campaign(
                new CampaignId(rs.getObject("id", UUID.class)),
                rs.getString("name"),
                rs.getObject("framework_version_id", UUID.class),
                rs.getInt("campaign_year"),
                type == null ? null : OrganisationType.valueOf(type),
                rs.getObject("starts_on", LocalDate.class),
                rs.getObject("deadline", LocalDate.class),
                ReminderSchedule.parse(rs.getString("reminder_days")),
                rs.getObject("opened_by", UUID.class),
                rs.getObject("opened_at", OffsetDateTime.class).toInstant());
    }

    private static Participant participant(ResultSet rs, int row) throws SQLException {
        OffsetDateTime extendedAt = rs.getObject("extended_at", OffsetDateTime.class);
        return new Participant(
                rs.getObject("organisation_id", UUID.class),
                rs.getString("organisation"),
                rs.getObject("deadline", LocalDate.class),
                rs.getString("extension_reason"),
                rs.getObject("extended_by", UUID.class),
                extendedAt == null ? null : extendedAt.toInstant());
    }
}
