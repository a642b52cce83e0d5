package be.bolwerk.incident.timeline;

import static be.bolwerk.incident.timeline.TimelineStore.instant;
import static be.bolwerk.incident.timeline.TimelineStore.utc;

import be.bolwerk.incident.IncidentId;
import be.bolwerk.incident.handling.Actor;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The one writer of {@code incident_asset}; a status is changed only from the status that was read. */
@Repository
class AssetStore {

    private static final String COLUMNS =
            "id, incident_id, organisation_id, name, kind, status, added_at, added_by, added_by_name";

    private final JdbcClient jdbc;

    AssetStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Asset asset) {
        jdbc.sql("INSERT INTO incident_asset (" + COLUMNS + ") VALUES (:id, :incident, :organisation, :name, :kind,"
                        + " :status, :at, :by, :byName)")
                .param("id", asset.id())
                .param("incident", asset.incidentId().value())
                .param("organisation", asset.organisationId())
                .param("name", asset.name())
                .param("kind", asset.kind().name())
                .param("status", asset.status().name())
                .param("at", utc(asset.addedAt()))
                .param("by", asset.addedBy().id())
                .param("byName", asset.addedBy().name())
                .update();
    }

    /** Writes the new status if the asset still has {@code from}; false when someone changed it in between. */
    boolean changeStatus(Asset asset, Compromise from) {
        return jdbc.sql("UPDATE incident_asset SET status = :to WHERE id = :id AND incident_id = :incident"
                                + " AND status = :from")
                        .param("to", asset.status().name())
                        .param("id", asset.id())
                        .param("incident", asset.incidentId().value())
                        .param("from", from.name())
                        .update()
                == 1;
    }

    List<Asset> of(IncidentId incident) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM incident_asset WHERE incident_id = :incident"
                        + " ORDER BY added_at, id")
                .param("incident", incident.value())
                .query(AssetStore::asset)
                .list();
    }

    Optional<Asset> find(IncidentId incident, UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM incident_asset WHERE incident_id = :incident AND id = :id")
                .param("incident", incident.value())
                .param("id", id)
                .query(AssetStore::asset)
                .optional();
    }

    private static Asset asset(ResultSet rs, int row) throws SQLException {
        return new Asset(
                rs.getObject("id", UUID.class),
                new IncidentId(rs.getObject("incident_id", UUID.class)),
                rs.getObject("organisation_id", UUID.class),
                rs.getString("name"),
                AssetKind.valueOf(rs.getString("kind")),
                Compromise.valueOf(rs.getString("status")),
                instant(rs, "added_at"),
                new Actor(rs.getObject("added_by", UUID.class), rs.getString("added_by_name")));
    }
}
