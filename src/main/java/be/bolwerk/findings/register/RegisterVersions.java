package be.bolwerk.findings.register;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Each organisation's register version: a counter that moves with every committed change to its findings (ADR
 * 0046). What is computed from a register (the count of a search, the progress figures) is kept in memory under the
 * versions it was computed at; a change anywhere in the cluster moves the version in the database, so the next
 * request on any node misses and computes again. Readers never wait: a read that sees the old version may still
 * count the new findings, which only keeps a fresher figure under an older key.
 *
 * <p>The version moves just before the writing transaction commits, once per organisation, not at the first write:
 * the row lock it takes is then held only for the commit, and a transaction that writes findings of several
 * organisations takes their locks in one order, so two such transactions cannot deadlock on them.
 */
@Component
public class RegisterVersions {

    /**
     * How long a count or figure is kept at most, whatever the version says: a finding written behind the store's
     * back (an SQL fix by hand) shows in the counts after this at the latest.
     */
    public static final Duration KEPT_FOR = Duration.ofMinutes(10);

    private final JdbcClient jdbc;

    RegisterVersions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The versions of these organisations, in the order given; 0 for one whose findings never changed. */
    public List<Long> of(List<UUID> organisations) {
        if (organisations.isEmpty()) {
            return List.of();
        }
        Map<UUID, Long> versions = new HashMap<>();
        jdbc.sql("SELECT organisation_id, version FROM finding_register_version WHERE organisation_id IN (:orgs)")
                .param("orgs", organisations)
                .query(rs -> {
                    versions.put(rs.getObject("organisation_id", UUID.class), rs.getLong("version"));
                });
        return organisations.stream().map(o -> versions.getOrDefault(o, 0L)).toList();
    }

    public long of(UUID organisation) {
        return of(List.of(organisation)).get(0);
    }

    /** Called by the store for each finding it writes: the organisation's version moves when this transaction commits. */
    void changed(UUID organisation) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            // a write outside a transaction would move no version and leave stale counts: refuse it loudly
            throw new IllegalStateException("findings are written in a transaction");
        }
        for (TransactionSynchronization registered : TransactionSynchronizationManager.getSynchronizations()) {
            if (registered instanceof Moves moves) {
                moves.organisations.add(organisation);
                return;
            }
        }
        Moves moves = new Moves();
        moves.organisations.add(organisation);
        TransactionSynchronizationManager.registerSynchronization(moves);
    }

    /**
     * The organisations one transaction changed, sorted so that locks are always taken in the same order. Kept with
     * the transaction's synchronizations, which a nested new transaction suspends, so each transaction moves the
     * versions of its own writes.
     */
    private final class Moves implements TransactionSynchronization {

        private final Set<UUID> organisations = new TreeSet<>();

        @Override
        public void beforeCommit(boolean readOnly) {
            organisations.forEach(RegisterVersions.this::move);
        }
    }

    private void move(UUID organisation) {
        if (increment(organisation) == 0) {
            // the first change of this register: create its row; when another transaction created it first, this
            // insert waits for that one and does nothing, and the increment then finds the row
            jdbc.sql("INSERT INTO finding_register_version (organisation_id, version) VALUES (:org, 0)"
                            + " ON CONFLICT DO NOTHING")
                    .param("org", organisation)
                    .update();
            increment(organisation);
        }
    }

    private int increment(UUID organisation) {
        return jdbc.sql("UPDATE finding_register_version SET version = version + 1 WHERE organisation_id = :org")
                .param("org", organisation)
                .update();
    }
}
