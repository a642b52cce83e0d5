package be.bolwerk.framework.lifecycle;

import be.bolwerk.framework.FrameworkStatus;
import be.bolwerk.framework.FrameworkVersionId;
import be.bolwerk.shared.Refusal;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The one store of a version's life cycle (ADR 0002): a JdbcClient store because every write is conditional on
 * the status it was read with, so two officers clicking "publish" and "delete" at once cannot both win. The
 * events are published when the write succeeded, in the caller's transaction.
 */
@Component
public class PublicationStore {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PublicationStore(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    public Optional<Publication> find(FrameworkVersionId id) {
        return jdbc.sql("SELECT code, version, status FROM framework_version WHERE id = :id")
                .param("id", id.value())
                .query((rs, row) -> new Publication(
                        id,
                        rs.getString("code"),
                        rs.getString("version"),
                        FrameworkStatus.valueOf(rs.getString("status"))))
                .optional();
    }

    /** Writes the new status (or deletes the draft) and publishes the transition's events. */
    public void save(Publication publication, UUID by) {
        int changed;
        if (publication.deleted()) {
            // The nodes, tags and mapping go with it (ON DELETE CASCADE).
            changed = jdbc.sql("DELETE FROM framework_version WHERE id = :id AND status = :was")
                    .param("id", publication.id().value())
                    .param("was", publication.was().name())
                    .update();
        } else {
            changed = jdbc.sql("""
                            UPDATE framework_version
                            SET status = :status, status_changed_at = :now, status_changed_by = :by
                            WHERE id = :id AND status = :was
                            """)
                    .param("status", publication.status().name())
                    .param("now", clock.instant().atOffset(ZoneOffset.UTC))
                    .param("by", by)
                    .param("id", publication.id().value())
                    .param("was", publication.was().name())
                    .update();
        }
        if (changed == 0) {
            throw Refusal.conflict("framework.lifecycle.changedMeanwhile");
        }
        publication.takeEvents().forEach(events::publishEvent);
    }
}
