package be.bolwerk.audittrail.chain;

import be.bolwerk.audittrail.AuditEventType;
import be.bolwerk.shared.BelgianTime;
import be.bolwerk.shared.Like;
import be.bolwerk.shared.Paged;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/** Reads the audit trail: search with paging, JSON-lines export, and verification of the chain. */
@Component
@Transactional(readOnly = true)
public class AuditLog {

    private static final ZoneId BELGIUM = BelgianTime.ZONE;
    private static final String COLUMNS = "seq, occurred_at, event_type, outcome, actor_id, actor, organisation_id, "
            + "client_address, details, previous_hash, hash";

    private final JdbcClient jdbc;
    private final ChainHasher hasher;
    private final JsonMapper json;
    private final AuditTrail trail;
    private final TransactionTemplate snapshots;

    AuditLog(
            JdbcClient jdbc,
            ChainHasher hasher,
            JsonMapper json,
            AuditTrail trail,
            PlatformTransactionManager transactionManager) {
        this.snapshots = new TransactionTemplate(transactionManager);
        this.snapshots.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.snapshots.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.snapshots.setReadOnly(true);
        this.jdbc = jdbc;
        this.hasher = hasher;
        this.json = json;
        this.trail = trail;
    }

    /** Verifies the chain on behalf of the signed-in person and records that the check was made. */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public Verification verifyAndRecord() {
        return verifyAndRecord(null);
    }

    /** As {@link #verifyAndRecord()}, also checking that the chain still reaches a known checkpoint. */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public Verification verifyAndRecord(Checkpoint known) {
        Verification verification = verify(known);
        trail.appendAlone(
                AuditEventType.AUDIT_TRAIL_VERIFIED,
                verification.intact(),
                Actors.current(),
                null,
                verification.intact()
                        ? Details.of("audit.detail.verified", verification.checked())
                        : Details.of(
                                "audit.detail.verificationBroken", verification.brokenAt(), problem(verification)));
        return verification;
    }

    private static Object problem(Verification verification) {
        return verification.problem() == null
                ? ""
                : Details.term(
                        "audit.problem." + verification.problem(),
                        verification.problem().name());
    }

    public Paged<AuditEvent> search(AuditSearch search) {
        if (search.organisationIds() != null && search.organisationIds().isEmpty()) {
            return Paged.empty(search.size());
        }
        Filter filter = Filter.of(search);
        long total = jdbc.sql("SELECT COUNT(*) FROM audit_event" + filter.where())
                .params(filter.params())
                .query(Long.class)
                .single();
        List<AuditEvent> items = jdbc.sql("SELECT " + COLUMNS + " FROM audit_event" + filter.where()
                        + " ORDER BY seq DESC LIMIT :limit OFFSET :offset")
                .params(filter.params())
                .param("limit", search.size())
                .param("offset", (long) search.page() * search.size())
                .query((rs, row) -> event(rs))
                .list();
        return new Paged<>(items, search.page(), search.size(), total);
    }

    /** Every matching event, oldest first, one JSON object per line: the format SIEMs ingest. */
    public void exportJsonLines(AuditSearch search, Writer out) {
        if (search.organisationIds() != null && search.organisationIds().isEmpty()) {
            return;
        }
        Filter filter = Filter.of(search);
        jdbc.sql("SELECT " + COLUMNS + " FROM audit_event" + filter.where() + " ORDER BY seq")
                .params(filter.params())
                .query(rs -> {
                    Map<String, Object> line = new java.util.LinkedHashMap<>();
                    line.put("seq", rs.getLong("seq"));
                    line.put("occurredAt", occurredAt(rs).toString());
                    line.put("type", rs.getString("event_type"));
                    line.put("outcome", rs.getString("outcome"));
                    line.put("actorId", rs.getString("actor_id"));
                    line.put("actor", rs.getString("actor"));
                    line.put("organisationId", rs.getString("organisation_id"));
                    line.put("clientAddress", rs.getString("client_address"));
                    line.put("details", rs.getString("details"));
                    line.put("hash", rs.getString("hash"));
                    try {
                        out.write(json.writeValueAsString(line));
                        out.write('\n');
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
    }

    /**
     * Walks the whole chain in order and recomputes every HMAC. Reports the first row that was edited (its
     * HMAC no longer matches), deleted (a gap in the positions, or the head points past the last row) or
     * reordered (its link to the previous row is wrong).
     */
    Verification verify() {
        return verify(null);
    }

    /**
     * As {@link #verify()}, and also reports {@link Verification.Problem#TRUNCATED} when the head's seal does
     * not match, or when the chain no longer reaches {@code known} (a checkpoint kept outside the database) or
     * has another row there. Only the checkpoint catches a head reset to an older one that was sealed with the
     * key.
     */
    Verification verify(Checkpoint known) {
        // One snapshot for the rows and the head: rows chained meanwhile (ADR 0049) are neither read nor taken for
        // a head that no longer matches the end.
        return snapshots.execute(status -> walk(known));
    }

    private Verification walk(Checkpoint known) {
        Walk walk = new Walk();
        jdbc.sql("SELECT " + COLUMNS + " FROM audit_event ORDER BY seq").query(rs -> {
            if (walk.problem != null) {
                return;
            }
            long seq = rs.getLong("seq");
            long expected = walk.checked + 1;
            if (seq != expected) {
                walk.fail(expected, Verification.Problem.MISSING);
                return;
            }
            if (!rs.getString("previous_hash").equals(walk.previousHash)) {
                walk.fail(seq, Verification.Problem.REORDERED);
                return;
            }
            String recomputed = hasher.hash(seq, walk.previousHash, ChainHasher.Row.read(rs, "occurred_at"));
            if (!recomputed.equals(rs.getString("hash"))) {
                walk.fail(seq, Verification.Problem.EDITED);
                return;
            }
            walk.checked = seq;
            walk.previousHash = recomputed;
            if (known != null && seq == known.seq()) {
                walk.hashAtCheckpoint = recomputed;
            }
        });
        if (walk.problem == null) {
            Checkpoint head = checkpoint();
            if (head.mac() == null || !head.mac().equals(hasher.headMac(head.seq(), head.hash()))) {
                walk.fail(walk.checked + 1, Verification.Problem.TRUNCATED);
            } else if (head.seq() != walk.checked || !head.hash().equals(walk.previousHash)) {
                walk.fail(walk.checked + 1, Verification.Problem.MISSING);
            }
        }
        if (walk.problem == null && known != null && known.seq() > 0) {
            if (walk.checked < known.seq()) {
                walk.fail(walk.checked + 1, Verification.Problem.TRUNCATED);
            } else if (!known.hash().equals(walk.hashAtCheckpoint)) {
                walk.fail(known.seq(), Verification.Problem.TRUNCATED);
            }
        }
        return walk.problem == null
                ? Verification.intact(walk.checked)
                : Verification.broken(walk.checked, walk.brokenAt, walk.problem);
    }

    /** The head of the chain as it is now: what a monitor records and later hands back to the verifier. */
    public Checkpoint checkpoint() {
        return jdbc.sql("SELECT seq, hash, mac FROM audit_chain_head WHERE id = 1")
                .query((rs, row) -> new Checkpoint(rs.getLong("seq"), rs.getString("hash"), rs.getString("mac")))
                .single();
    }

    private static final class Walk {
        long checked;
        String hashAtCheckpoint;
        String previousHash = ChainHasher.GENESIS;
        Long brokenAt;
        Verification.Problem problem;

        void fail(long seq, Verification.Problem what) {
            brokenAt = seq;
            problem = what;
        }
    }

    private record Filter(String where, Map<String, Object> params) {

        static Filter of(AuditSearch search) {
            StringBuilder where = new StringBuilder(" WHERE 1 = 1");
            Map<String, Object> params = new HashMap<>();
            if (!search.actor().isEmpty()) {
                where.append(" AND LOWER(actor) LIKE :actor ESCAPE '\\'");
                params.put("actor", "%" + Like.escape(search.actor().toLowerCase(Locale.ROOT)) + "%");
            }
            if (search.type() != null) {
                where.append(" AND event_type = :type");
                params.put("type", search.type().name());
            }
            if (search.organisationIds() != null) {
                where.append(" AND organisation_id IN (:orgs)");
                params.put("orgs", search.organisationIds());
            }
            if (search.from() != null) {
                where.append(" AND occurred_at >= :from");
                params.put("from", search.from().atStartOfDay(BELGIUM).toOffsetDateTime());
            }
            if (search.to() != null) {
                where.append(" AND occurred_at < :to");
                params.put("to", search.to().plusDays(1).atStartOfDay(BELGIUM).toOffsetDateTime());
            }
            return new Filter(where.toString(), params);
        }
    }

    private static OffsetDateTime occurredAt(ResultSet rs) throws SQLException {
        return rs.getObject("occurred_at", OffsetDateTime.class);
    }

    private static AuditEvent event(ResultSet rs) throws SQLException {
        ChainHasher.Row row = ChainHasher.Row.read(rs, "occurred_at");
        return new AuditEvent(
                rs.getLong("seq"),
                row.at(),
                AuditEventType.valueOf(row.type()),
                row.outcome(),
                row.actorId(),
                row.actor(),
                row.organisationId(),
                row.clientAddress(),
                row.details());
    }
}
