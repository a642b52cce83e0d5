package be.bolwerk.incident.guest;

import be.bolwerk.incident.IncidentId;
import be.bolwerk.incident.handling.Actor;
import be.bolwerk.shared.Refusal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The one class that writes {@code incident_guest}. Acceptance and revocation are conditional updates, so that two
 * requests at once cannot both accept one invitation, or revoke and accept past each other.
 */
@Repository
class GuestStore {

    private static final String COLUMNS = """
            id, incident_id, organisation_id, email, firm, expires_at, invited_by, inviter_name, invited_at,
            account_id, accepted_at, revoked_by, revoker_name, revoked_at""";

    private final JdbcClient jdbc;

    GuestStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(GuestGrant grant) {
        jdbc.sql("INSERT INTO incident_guest (" + COLUMNS + ") VALUES (:id, :incident, :organisation, :email, :firm,"
                        + " :expires, :by, :byName, :at, NULL, NULL, NULL, NULL, NULL)")
                .param("id", grant.id())
                .param("incident", grant.incidentId().value())
                .param("organisation", grant.organisationId())
                .param("email", grant.email())
                .param("firm", grant.firm())
                .param("expires", utc(grant.expiresAt()))
                .param("by", grant.invitedBy().id())
                .param("byName", grant.invitedBy().name())
                .param("at", utc(grant.invitedAt()))
                .update();
    }

    void accepted(GuestGrant grant) {
        int changed = jdbc.sql("""
                        UPDATE incident_guest SET account_id = :account, accepted_at = :at
                        WHERE id = :id AND accepted_at IS NULL AND revoked_at IS NULL
                        """)
                .param("account", grant.accountId())
                .param("at", utc(grant.acceptedAt()))
                .param("id", grant.id())
                .update();
        if (changed != 1) {
            throw Refusal.conflict(GuestGrant.NOT_OPEN);
        }
    }

    void revoked(GuestGrant grant) {
        int changed = jdbc.sql("""
                        UPDATE incident_guest SET revoked_by = :by, revoker_name = :name, revoked_at = :at
                        WHERE id = :id AND revoked_at IS NULL
                        """)
                .param("by", grant.revokedBy().id())
                .param("name", grant.revokedBy().name())
                .param("at", utc(grant.revokedAt()))
                .param("id", grant.id())
                .update();
        if (changed != 1) {
            throw Refusal.conflict(GuestGrant.NOT_OPEN);
        }
    }

    Optional<GuestGrant> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM incident_guest WHERE id = :id")
                .param("id", id)
                .query(GuestStore::grant)
                .optional();
    }

    List<GuestGrant> of(IncidentId incident) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM incident_guest WHERE incident_id = :incident"
                        + " ORDER BY invited_at DESC, id")
                .param("incident", incident.value())
                .query(GuestStore::grant)
                .list();
    }

    /** The grants accepted by one account, newest first; the caller decides which are active now. */
    List<GuestGrant> ofAccount(UUID account) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM incident_guest WHERE account_id = :account"
                        + " ORDER BY invited_at DESC, id")
                .param("account", account)
                .query(GuestStore::grant)
                .list();
    }

    /** Whether the account holds an accepted, unrevoked grant on the incident that ends after {@code now}. */
    boolean admits(IncidentId incident, UUID account, Instant now) {
        return jdbc.sql("""
                        SELECT COUNT(*) FROM incident_guest
                        WHERE incident_id = :incident AND account_id = :account AND accepted_at IS NOT NULL
                            AND revoked_at IS NULL AND expires_at > :now
                        """)
                        .param("incident", incident.value())
                        .param("account", account)
                        .param("now", utc(now))
                        .query(Long.class)
                        .single()
                > 0;
    }

    private static GuestGrant grant(ResultSet rs, int row) throws SQLException {
        UUID revokedBy = rs.getObject("revoked_by", UUID.class);
        return new GuestGrant(
                rs.getObject("id", UUID.class),
                new IncidentId(rs.getObject("incident_id", UUID.class)),
                rs.getObject("organisation_id", UUID.class),
                rs.getString("email"),
                rs.getString("firm"),
                instant(rs.getObject("expires_at", OffsetDateTime.class)),
                new Actor(rs.getObject("invited_by", UUID.class), rs.getString("inviter_name")),
                instant(rs.getObject("invited_at", OffsetDateTime.class)),
                new GuestGrant.Progress(
                        rs.getObject("account_id", UUID.class),
                        instant(rs.getObject("accepted_at", OffsetDateTime.class)),
                        revokedBy == null ? null : new Actor(revokedBy, rs.getString("revoker_name")),
                        instant(rs.getObject("revoked_at", OffsetDateTime.class))));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
