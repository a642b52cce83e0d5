package be.bolwerk.incident.timeline;

import static be.bolwerk.incident.timeline.TimelineStore.instant;
import static be.bolwerk.incident.timeline.TimelineStore.utc;

import be.bolwerk.incident.IncidentId;
import be.bolwerk.incident.Tlp;
import be.bolwerk.incident.handling.Actor;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The one writer of {@code incident_indicator}. The same value of the same type is there once per incident: the
 * unique key decides, and the insert that finds it taken does nothing and says so.
 */
@Repository
class IndicatorStore {

    private static final String COLUMNS = "id, incident_id, organisation_id, type, indicator_value, tlp, note,"
            + " added_at, added_by, added_by_name";

    private final JdbcClient jdbc;

    IndicatorStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** False when the incident has this indicator already. */
    boolean insert(Indicator indicator) {
        return jdbc.sql("INSERT INTO incident_indicator (" + COLUMNS + ") VALUES (:id, :incident, :organisation,"
                                + " :type, :value, :tlp, :note, :at, :by, :byName)"
                                + " ON CONFLICT DO NOTHING")
                        .param("id", indicator.id())
                        .param("incident", indicator.incidentId().value())
                        .param("organisation", indicator.organisationId())
                        .param("type", indicator.type().name())
                        .param("value", indicator.value())
                        .param("tlp", indicator.tlp().name())
                        .param("note", indicator.note())
                        .param("at", utc(indicator.addedAt()))
                        .param("by", indicator.addedBy().id())
                        .param("byName", indicator.addedBy().name())
                        .update()
                == 1;
    }

    List<Indicator> of(IncidentId incident) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM incident_indicator WHERE incident_id = :incident"
                        + " ORDER BY type, indicator_value")
                .param("incident", incident.value())
                .query(IndicatorStore::indicator)
                .list();
    }

    private static Indicator indicator(ResultSet rs, int row) throws SQLException {
        return new Indicator(
                rs.getObject("id", UUID.class),
                new IncidentId(rs.getObject("incident_id", UUID.class)),
                rs.getObject("organisation_id", UUID.class),
                IndicatorType.valueOf(rs.getString("type")),
                rs.getString("indicator_value"),
                Tlp.valueOf(rs.getString("tlp")),
                rs.getString("note"),
                instant(rs, "added_at"),
                new Actor(rs.getObject("added_by", UUID.class), rs.getString("added_by_name")));
    }
}
