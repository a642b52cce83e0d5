package be.bolwerk.audittrail.chain;

import static org.assertj.core.api.Assertions.assertThat;

import be.bolwerk.TestUsers;
import be.bolwerk.audittrail.AuditEventType;
import be.bolwerk.organisation.OrganisationDetails;
import be.bolwerk.organisation.OrganisationId;
import be.bolwerk.organisation.OrganisationManagement;
import be.bolwerk.organisation.OrganisationType;
import be.bolwerk.shared.security.CurrentUser;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The chain on H2 and PostgreSQL: appends link up, and verification finds the first edited, deleted or
 * reordered row. Every test that tampers restores the row, because the database is shared with other tests.
 */
@SpringBootTest
class AuditTrailTests {

    private final AuditTrail trail;
    private final AuditLog log;
    private final JdbcClient jdbc;
    private final OrganisationManagement organisations;
    private final VerifyCommand command;
    private final ChainHasher hasher;
    private final TransactionTemplate transactions;
    private final PlatformTransactionManager transactionManager;
    private final Chainer chainer;
    private final NamedParameterJdbcTemplate batches;

    AuditTrailTests(
            @Autowired AuditTrail trail,
            @Autowired AuditLog log,
            @Autowired JdbcClient jdbc,
            @Autowired OrganisationManagement organisations,
            @Autowired VerifyCommand command,
            @Autowired ChainHasher hasher,
            @Autowired PlatformTransactionManager transactions,
            @Autowired Chainer chainer,
            @Autowired NamedParameterJdbcTemplate batches) {
        this.transactions = new TransactionTemplate(transactions);
        this.transactionManager = transactions;
        this.chainer = chainer;
        this.batches = batches;
        this.hasher = hasher;
        this.trail = trail;
        this.log = log;
        this.jdbc = jdbc;
        this.organisations = organisations;
        this.command = command;
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private long appendThree() {
        AuditTrail.Actor actor = new AuditTrail.Actor(UUID.randomUUID(), "tester@test.invalid", "127.0.0.1");
        for (int i = 0; i < 3; i++) {
            trail.appendAlone(AuditEventType.EXPORT, true, actor, null, "test row " + i);
        }
        return jdbc.sql("SELECT MAX(seq) FROM audit_event").query(Long.class).single();
    }

    /**
     * Two requests appending at the same moment: both threads' rows land with their own sequence numbers and the
     * chain still verifies, each append having waited for the pass that chained it.
     */
    @Test
    void twoThreadsAppendingAtOnceBothLandAndTheChainStillVerifies() throws Exception {
        int perThread = 25;
        String run = UUID.randomUUID().toString();
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> appenders = new java.util.ArrayList<>();
            for (String name : List.of("a", "b")) {
                AuditTrail.Actor actor = new AuditTrail.Actor(UUID.randomUUID(), name + "@test.invalid", "127.0.0.1");
                appenders.add(threads.submit(() -> {
                    together.await(10, TimeUnit.SECONDS);
                    for (int i = 0; i < perThread; i++) {
                        trail.appendAlone(AuditEventType.EXPORT, true, actor, null, run + " " + name + " " + i);
                    }
                    return null;
                }));
            }
            for (Future<?> appender : appenders) {
                appender.get(60, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }

        List<Long> seqs = jdbc.sql("SELECT seq FROM audit_event WHERE details LIKE :run ORDER BY seq")
                .param("run", run + " %")
                .query(Long.class)
                .list();
        assertThat(seqs).hasSize(2 * perThread).doesNotHaveDuplicates();
        assertThat(log.verify().intact()).isTrue();
    }

    /**
     * A transaction that appended and is still busy (rendering mails, in real life) holds nothing of the chain:
     * another append meanwhile lands at once, and the busy one's row is chained after its commit, after the other
     * (ADR 0049). Had the append locked the head for the rest of the transaction, the second append would wait for
     * a commit that waits for it, and the latch below would time out. The busy row's time is not before the row it
     * follows, so that time order and sequence order agree.
     */
    @Test
    void aTransactionStillAtWorkDoesNotHoldTheHeadForOtherAppends() throws Exception {
        String run = UUID.randomUUID().toString();
        AuditTrail.Actor actor = new AuditTrail.Actor(UUID.randomUUID(), "busy@test.invalid", "127.0.0.1");
        CountDownLatch appended = new CountDownLatch(1);
        CountDownLatch otherLanded = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<Boolean> busy = threads.submit(() -> transactions.execute(status -> {
                trail.append(AuditEventType.EXPORT, true, actor, null, run + " busy");
                appended.countDown();
                try {
                    return otherLanded.await(20, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }));
            Future<?> other = threads.submit(() -> {
                appended.await(20, TimeUnit.SECONDS);
                trail.appendAlone(AuditEventType.EXPORT, true, actor, null, run + " other");
                otherLanded.countDown();
                return null;
            });
            other.get(30, TimeUnit.SECONDS);
            assertThat(busy.get(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            threads.shutdownNow();
        }

        List<String> order = jdbc.sql("SELECT details FROM audit_event WHERE details LIKE :run ORDER BY seq")
                .param("run", run + " %")
                .query(String.class)
                .list();
        assertThat(order).containsExactly(run + " other", run + " busy");
        List<OffsetDateTime> times = jdbc.sql(
                        "SELECT occurred_at FROM audit_event WHERE details LIKE :run ORDER BY seq")
                .param("run", run + " %")
                .query(OffsetDateTime.class)
                .list();
        assertThat(times.get(1)).isAfterOrEqualTo(times.get(0));
        assertThat(log.verify().intact()).isTrue();
    }

    /**
     * A change committed just before a crash leaves its row waiting, unchained: the next pass (at the next start,
     * or the next change's) chains it first, before the rows committed after it.
     */
    @Test
    void aRowLeftWaitingByACrashIsChainedByTheNextPassBeforeLaterRows() {
        String run = UUID.randomUUID().toString();
        waiting(run + " left by the crash");

        trail.appendAlone(
                AuditEventType.EXPORT,
                true,
                new AuditTrail.Actor(UUID.randomUUID(), "after@test.invalid", "127.0.0.1"),
                null,
                run + " after the start");

        assertThat(jdbc.sql("SELECT details FROM audit_event WHERE details LIKE :run ORDER BY seq")
                        .param("run", run + " %")
                        .query(String.class)
                        .list())
                .containsExactly(run + " left by the crash", run + " after the start");
        assertThat(stillWaiting(run)).isZero();
        assertThat(log.verify().intact()).isTrue();
    }

    /**
     * Two nodes chaining at the same moment take turns on the head: every waiting row is chained once, none twice,
     * and the chain verifies. Without the lock both would read the same head and the same rows.
     */
    @Test
    void twoNodesChainingAtOnceChainEveryRowOnce() throws Exception {
        String run = UUID.randomUUID().toString();
        int rows = Chainer.BATCH + 100;
        for (int i = 0; i < rows; i++) {
            waiting(run + " " + i);
        }
        Chainer otherNode = new Chainer(jdbc, batches, transactionManager, hasher, java.time.Clock.systemUTC());
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> passes = new java.util.ArrayList<>();
            for (Chainer node : List.of(chainer, otherNode)) {
                passes.add(nodes.submit(() -> {
                    together.await(10, TimeUnit.SECONDS);
                    node.pass();
                    return null;
                }));
            }
            for (Future<?> pass : passes) {
                pass.get(60, TimeUnit.SECONDS);
            }
        } finally {
            nodes.shutdownNow();
        }

        List<String> chained = jdbc.sql("SELECT details FROM audit_event WHERE details LIKE :run ORDER BY seq")
                .param("run", run + " %")
                .query(String.class)
                .list();
        assertThat(chained).hasSize(rows).doesNotHaveDuplicates();
        assertThat(chained.get(0)).isEqualTo(run + " 0");
        assertThat(chained.get(rows - 1)).isEqualTo(run + " " + (rows - 1));
        assertThat(stillWaiting(run)).isZero();
        assertThat(log.verify().intact()).isTrue();
    }

    /**
     * Someone with write access to the database but without the key writes a row into the waiting table: the chainer
     * does not seal it into the chain but records, in its place, that a row was refused, with its kind and actor.
     */
    @Test
    void aWaitingRowWrittenWithoutTheKeyIsRefusedNotSealed() {
        String run = UUID.randomUUID().toString();
        // Dated far ahead: a refusal must not pull the time of every later row forward.
        Instant at = Instant.now().plus(java.time.Duration.ofDays(3650)).truncatedTo(ChronoUnit.MICROS);
        jdbc.sql("""
                        INSERT INTO audit_pending (recorded_at, event_type, outcome, actor, details, mac)
                        VALUES (:at, 'EXPORT', 'SUCCESS', :actor, :details, :mac)
                        """)
                .param("at", at.atOffset(ZoneOffset.UTC))
                .param("actor", "forger-" + run + "@test.invalid")
                .param("details", run + " forged")
                .param("mac", "0".repeat(64))
                .update();

        trail.appendAlone(
                AuditEventType.EXPORT,
                true,
                new AuditTrail.Actor(UUID.randomUUID(), "after@test.invalid", "127.0.0.1"),
                null,
                run + " genuine");

        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE details LIKE :forged")
                        .param("forged", run + " forged")
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("""
                        SELECT outcome, details FROM audit_event
                        WHERE event_type = 'AUDIT_ROW_REFUSED' AND details LIKE :actor
                        """)
                        .param("actor", "%forger-" + run + "@test.invalid%")
                        .query((rs, row) -> rs.getString("outcome") + " " + rs.getString("details"))
                        .list())
                .singleElement()
                .satisfies(refusal -> assertThat(refusal).startsWith("FAILURE ").contains("kind EXPORT"));
        assertThat(jdbc.sql("SELECT occurred_at FROM audit_event WHERE details = :genuine")
                        .param("genuine", run + " genuine")
                        .query(OffsetDateTime.class)
                        .single())
                // Not pulled to the forged date; other tests' clocks in the shared database may run days ahead.
                .isBefore(OffsetDateTime.now(ZoneOffset.UTC).plusDays(365));
        assertThat(stillWaiting(run)).isZero();
        assertThat(log.verify().intact()).isTrue();
    }

    /** A committed row, sealed with the key, as a change leaves it before its pass. */
    private void waiting(String details) {
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        String actor = "waiting@test.invalid";
        jdbc.sql("""
                        INSERT INTO audit_pending (recorded_at, event_type, outcome, actor, details, mac)
                        VALUES (:at, 'EXPORT', 'SUCCESS', :actor, :details, :mac)
                        """)
                .param("at", at.atOffset(ZoneOffset.UTC))
                .param("actor", actor)
                .param("details", details)
                .param(
                        "mac",
                        hasher.pendingMac(
                                new ChainHasher.Row(at, "EXPORT", "SUCCESS", null, actor, null, null, details)))
                .update();
    }

    private long stillWaiting(String run) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_pending WHERE details LIKE :run")
                .param("run", run + " %")
                .query(Long.class)
                .single();
    }

    /** A rolled-back change leaves no audit row: the row was only waiting for a commit that never came. */
    @Test
    void aRolledBackTransactionLeavesNoRow() {
        String run = UUID.randomUUID().toString();
        AuditTrail.Actor actor = new AuditTrail.Actor(UUID.randomUUID(), "undone@test.invalid", "127.0.0.1");

        transactions.executeWithoutResult(status -> {
            trail.append(AuditEventType.EXPORT, true, actor, null, run + " first");
            trail.append(AuditEventType.EXPORT, true, actor, null, run + " second");
            status.setRollbackOnly();
        });
        transactions.executeWithoutResult(status -> {
            trail.append(AuditEventType.EXPORT, true, actor, null, run + " kept 1");
            trail.append(AuditEventType.EXPORT, true, actor, null, run + " kept 2");
        });

        List<Long> kept = jdbc.sql("SELECT seq FROM audit_event WHERE details LIKE :run ORDER BY seq")
                .param("run", run + " %")
                .query(Long.class)
                .list();
        assertThat(kept).hasSize(2);
        assertThat(kept.get(1)).isEqualTo(kept.get(0) + 1);
        assertThat(stillWaiting(run)).isZero();
        assertThat(log.verify().intact()).isTrue();
    }

    @Test
    void appendedRowsFormAnIntactChain() {
        long last = appendThree();

        Verification verification = log.verify();

        assertThat(verification.intact()).isTrue();
        assertThat(verification.checked()).isEqualTo(last);
        assertThat(command.check()).isZero();
    }

    @Test
    void findsAnEditedRow() {
        long target = appendThree() - 1;
        String original = details(target);
        try {
            jdbc.sql("UPDATE audit_event SET details = 'nothing happened' WHERE seq = :seq")
                    .param("seq", target)
                    .update();

            Verification verification = log.verify();

            assertThat(verification.intact()).isFalse();
            assertThat(verification.brokenAt()).isEqualTo(target);
            assertThat(verification.problem()).isEqualTo(Verification.Problem.EDITED);
            assertThat(verification.checked()).isEqualTo(target - 1);
            assertThat(command.check()).isEqualTo(VerifyCommand.BROKEN);
        } finally {
            jdbc.sql("UPDATE audit_event SET details = :d WHERE seq = :seq")
                    .param("d", original)
                    .param("seq", target)
                    .update();
        }
        assertThat(log.verify().intact()).isTrue();
    }

    @Test
    void findsADeletedRowInTheMiddleAndAtTheEnd() {
        long last = appendThree();
        for (long target : new long[] {last - 1, last}) {
            Map<String, Object> row = jdbc.sql("SELECT * FROM audit_event WHERE seq = :seq")
                    .param("seq", target)
                    .query()
                    .singleRow();
            try {
                jdbc.sql("DELETE FROM audit_event WHERE seq = :seq")
                        .param("seq", target)
                        .update();

                Verification verification = log.verify();

                assertThat(verification.brokenAt()).isEqualTo(target);
                assertThat(verification.problem()).isEqualTo(Verification.Problem.MISSING);
            } finally {
                reinsert(row);
            }
        }
        assertThat(log.verify().intact()).isTrue();
    }

    @Test
    void cuttingOffTheNewestRowsAndPointingTheHeadAtAnOlderRowIsDetectedWithoutAKey() {
        long last = appendThree();
        long kept = last - 2;
        Checkpoint before = log.checkpoint();
        List<Map<String, Object>> cut = cutAfter(kept);
        try {
            // What someone with write access but without the key can do: move the head back, keep its seal.
            jdbc.sql("UPDATE audit_chain_head SET seq = :seq, hash = :hash WHERE id = 1")
                    .param("seq", kept)
                    .param("hash", hashOf(kept))
                    .update();

            Verification verification = log.verify();

            assertThat(verification.intact()).isFalse();
            assertThat(verification.problem()).isEqualTo(Verification.Problem.TRUNCATED);
            assertThat(verification.brokenAt()).isEqualTo(kept + 1);
            assertThat(command.check()).isEqualTo(VerifyCommand.BROKEN);
        } finally {
            restore(cut, before);
        }
        assertThat(log.verify().intact()).isTrue();
    }

    @Test
    void aReplayedOlderSealedHeadIsCaughtOnlyByACheckpointKeptOutside() {
        long last = appendThree();
        long kept = last - 2;
        Checkpoint outside = log.checkpoint();
        assertThat(log.verify(Checkpoint.parse(outside.toString())).intact()).isTrue();
        // A head the attacker saw earlier, sealed with the key at the time (here recomputed the same way).
        String olderHash = hashOf(kept);
        String olderMac = hasher.headMac(kept, olderHash);
        List<Map<String, Object>> cut = cutAfter(kept);
        try {
            jdbc.sql("UPDATE audit_chain_head SET seq = :seq, hash = :hash, mac = :mac WHERE id = 1")
                    .param("seq", kept)
                    .param("hash", olderHash)
                    .param("mac", olderMac)
                    .update();

            assertThat(log.verify().intact())
                    .as("the database alone cannot tell")
                    .isTrue();
            Verification verification = log.verify(Checkpoint.parse(outside.toString()));

            assertThat(verification.intact()).isFalse();
            assertThat(verification.problem()).isEqualTo(Verification.Problem.TRUNCATED);
            assertThat(verification.brokenAt()).isEqualTo(kept + 1);
            assertThat(command.check(Checkpoint.parse(outside.toString()))).isEqualTo(VerifyCommand.BROKEN);
        } finally {
            restore(cut, outside);
        }
        assertThat(log.verify(Checkpoint.parse(outside.toString())).intact()).isTrue();
    }

    @Test
    void aCheckpointWithAnotherHashThanTheChainIsRefused() {
        long last = appendThree();
        Checkpoint rewritten = Checkpoint.parse(last + ":" + "ab".repeat(32));

        Verification verification = log.verify(rewritten);

        assertThat(verification.problem()).isEqualTo(Verification.Problem.TRUNCATED);
        assertThat(verification.brokenAt()).isEqualTo(last);
    }

    @Test
    void onlyWellFormedCheckpointsAreRead() {
        assertThat(Checkpoint.parse("12:" + "0a".repeat(32))).isEqualTo(new Checkpoint(12, "0a".repeat(32), null));
        for (String bad : new String[] {"", "12", "x:" + "0a".repeat(32), "12:abc", "-1:" + "0a".repeat(32), null}) {
            assertThat(Checkpoint.parse(bad)).as(bad).isNull();
        }
    }

    @Test
    void findsReorderedRows() {
        long last = appendThree();
        long first = last - 2;
        long second = last - 1;
        try {
            swap(first, second);

            Verification verification = log.verify();

            assertThat(verification.brokenAt()).isEqualTo(first);
            assertThat(verification.problem()).isEqualTo(Verification.Problem.REORDERED);
        } finally {
            swap(first, second);
        }
        assertThat(log.verify().intact()).isTrue();
    }

    @Test
    void registeringAnOrganisationIsRecordedWithItsActor() {
        CurrentUser officer = TestUsers.programmeOfficer();
        SecurityContextHolder.getContext().setAuthentication(TestUsers.fullySignedIn(officer));

        OrganisationId id = organisations.register(new OrganisationDetails(
                "Politiezone Audit " + UUID.randomUUID().toString().substring(0, 8),
                OrganisationType.POLICE_ZONE,
                null,
                null,
                null,
                "pz@test.invalid",
                null));

        AuditEvent recorded = log.search(new AuditSearch(
                        officer.email(), AuditEventType.ORGANISATION_REGISTERED, null, null, null, 0, 10))
                .items()
                .get(0);
        assertThat(recorded.organisationId()).isEqualTo(id.value());
        assertThat(recorded.actorId()).isEqualTo(officer.id());
        assertThat(recorded.outcome()).isEqualTo("SUCCESS");
    }

    private String hashOf(long seq) {
        return jdbc.sql("SELECT hash FROM audit_event WHERE seq = :seq")
                .param("seq", seq)
                .query(String.class)
                .single();
    }

    /** Deletes every row after {@code kept}, returning them so that {@link #restore} can put them back. */
    private List<Map<String, Object>> cutAfter(long kept) {
        List<Map<String, Object>> rows = jdbc.sql("SELECT * FROM audit_event WHERE seq > :seq ORDER BY seq")
                .param("seq", kept)
                .query()
                .listOfRows();
        jdbc.sql("DELETE FROM audit_event WHERE seq > :seq").param("seq", kept).update();
        return rows;
    }

    private void restore(List<Map<String, Object>> rows, Checkpoint head) {
        rows.forEach(this::reinsert);
        jdbc.sql("UPDATE audit_chain_head SET seq = :seq, hash = :hash, mac = :mac WHERE id = 1")
                .param("seq", head.seq())
                .param("hash", head.hash())
                .param("mac", head.mac())
                .update();
    }

    private String details(long seq) {
        return jdbc.sql("SELECT details FROM audit_event WHERE seq = :seq")
                .param("seq", seq)
                .query(String.class)
                .single();
    }

    /** Swaps the positions of two rows, keeping each row's content and hashes: a reordering. */
    private void swap(long a, long b) {
        jdbc.sql("UPDATE audit_event SET seq = -1 WHERE seq = :a").param("a", a).update();
        jdbc.sql("UPDATE audit_event SET seq = :a WHERE seq = :b")
                .param("a", a)
                .param("b", b)
                .update();
        jdbc.sql("UPDATE audit_event SET seq = :b WHERE seq = -1").param("b", b).update();
    }

    private void reinsert(Map<String, Object> row) {
        var statement = jdbc.sql("""
                INSERT INTO audit_event (seq, occurred_at, event_type, outcome, actor_id, actor, organisation_id,
                    client_address, details, previous_hash, hash)
                VALUES (:seq, :occurred_at, :event_type, :outcome, :actor_id, :actor, :organisation_id,
                    :client_address, :details, :previous_hash, :hash)
                """);
        for (Map.Entry<String, Object> column : row.entrySet()) {
            statement = statement.param(column.getKey().toLowerCase(java.util.Locale.ROOT), column.getValue());
        }
        statement.update();
    }
}
