package be.bolwerk.organisation;

import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The organisations an organisation is compared with: same type, same size class. Only ids leave this
 * module, for anonymous figures; who the peers are is never shown.
 */
@Service
public class PeerGroups {

    /** The peers of one organisation, itself excluded. */
    public record PeerGroup(OrganisationType type, SizeClass size, List<UUID> peers) {}

    private final JdbcClient jdbc;

    PeerGroups(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    public PeerGroup of(OrganisationId id) {
        record Row(UUID id, OrganisationType type, Integer inhabitants) {}
        Row self = jdbc.sql("SELECT id, type, inhabitants FROM organisation WHERE id = :id")
                .param("id", id.value())
                .query((rs, n) -> new Row(
                        rs.getObject("id", UUID.class), OrganisationType.valueOf(rs.getString("type")), (Integer)
                                rs.getObject("inhabitants", Integer.class)))
                .optional()
                .orElseThrow(() -> OrganisationNotFound.withId(id));
        SizeClass size = SizeClass.of(self.inhabitants());
        List<UUID> peers = jdbc
                .sql("SELECT id, inhabitants FROM organisation WHERE type = :type AND id <> :id")
                .param("type", self.type().name())
                .param("id", id.value())
                .query((rs, n) -> new Row(rs.getObject("id", UUID.class), self.type(), (Integer)
                        rs.getObject("inhabitants", Integer.class)))
                .list()
                .stream()
                .filter(r -> SizeClass.of(r.inhabitants()) == size)
                .map(Row::id)
                .toList();
        return new PeerGroup(self.type(), size, peers);
    }
}
