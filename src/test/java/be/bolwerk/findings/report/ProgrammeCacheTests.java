package be.bolwerk.findings.report;

import static org.assertj.core.api.Assertions.assertThat;

import be.bolwerk.findings.report.ProgrammeFigures.Programme;
import be.bolwerk.findings.report.ProgrammeFigures.Scope;
import be.bolwerk.findings.report.ProgrammeFigures.TypeFigures;
import be.bolwerk.organisation.OrganisationType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The programme figures' cache on a clock the test moves (ADR 0033): counted once, served as they are for a minute,
 * then served once more while a recount runs in the background, dropped after five minutes without a request; one
 * count per scope, also for requests that arrive together; scopes never share figures.
 */
class ProgrammeCacheTests {

    private final SteppedClock clock = new SteppedClock(Instant.parse("2026-12-02T16:42:00Z"));
    private final List<Scope> counted = new ArrayList<>();
    private final AtomicInteger counts = new AtomicInteger();

    /** The spy: counts how often the database would be asked, and answers with the number of that count. */
    private List<TypeFigures> count(Scope scope) {
        synchronized (counted) {
            counted.add(scope);
        }
        int n = counts.incrementAndGet();
        return List.of(new TypeFigures(OrganisationType.PROVINCE, n, Map.of(), Map.of(), null, Share.NONE));
    }

    /** What the cache hands to the background, run when the test says so. */
    private final Queue<Runnable> background = new ConcurrentLinkedQueue<>();

    private final ProgrammeCache cache = new ProgrammeCache(this::count, clock, background::add);

    private void runBackground() {
        for (Runnable task = background.poll(); task != null; task = background.poll()) {
            task.run();
        }
    }

    private static Scope scope(UUID... ids) {
        return new Scope(Map.of(OrganisationType.PROVINCE, List.of(ids)));
    }

    @Test
    void aSecondRequestWithinTheMinuteDoesNotCountAgainAndOneAfterItDoes() {
        Scope scope = scope(UUID.randomUUID());
        Programme first = cache.get(scope);
        assertThat(counts).hasValue(1);
        assertThat(first.computedAt()).isEqualTo(clock.instant());

        clock.advance(Duration.ofSeconds(59));
        Programme second = cache.get(scope);
        assertThat(counts).as("within the minute").hasValue(1);
        assertThat(second).isSameAs(first);

        clock.advance(Duration.ofSeconds(2));
        Programme stale = cache.get(scope);
        assertThat(stale)
                .as("the request that starts the recount is not kept waiting")
                .isSameAs(first);
        assertThat(counts).as("the recount runs in the background").hasValue(1);
        runBackground();
        assertThat(counts).as("recounted").hasValue(2);
        Programme recounted = cache.get(scope);
        assertThat(recounted.computedAt()).isEqualTo(clock.instant());
        assertThat(recounted.types().get(0).organisations()).isEqualTo(2);
        assertThat(counts).hasValue(2);
    }

    @Test
    void figuresNobodyAskedForDuringFiveMinutesAreCountedAgainBeforeTheyAreServed() {
        Scope scope = scope(UUID.randomUUID());
        cache.get(scope);
        clock.advance(ProgrammeCache.KEPT.plusSeconds(1));
        Programme fresh = cache.get(scope);
        assertThat(fresh.computedAt()).as("never older than five minutes").isEqualTo(clock.instant());
        assertThat(counts).hasValue(2);
    }

    @Test
    void eachScopeHasItsOwnFigures() {
        UUID shared = UUID.randomUUID();
        Scope fewer = scope(shared);
        Scope more = scope(shared, UUID.randomUUID());
        Programme ofMore = cache.get(more);
        Programme ofFewer = cache.get(fewer);
        assertThat(ofFewer).isNotSameAs(ofMore);
        assertThat(counted).containsExactly(more, fewer);
        assertThat(cache.get(scope(shared)))
                .as("the same organisations, in any order")
                .isSameAs(ofFewer);
    }

    @Test
    void requestsThatArriveTogetherCountOnce() throws Exception {
        CountDownLatch counting = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ProgrammeCache slow = new ProgrammeCache(
                scope -> {
                    counting.countDown();
                    try {
                        release.await(5, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return count(scope);
                },
                clock,
                Runnable::run);
        Scope scope = scope(UUID.randomUUID());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            CountDownLatch arrived = new CountDownLatch(8);
            List<Future<Programme>> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                answers.add(pool.submit(() -> {
                    arrived.countDown();
                    return slow.get(scope);
                }));
            }
            assertThat(counting.await(5, TimeUnit.SECONDS)).isTrue();
            // Every caller is on its way in while the one count is held; a latecomer finds the figures cached.
            assertThat(arrived.await(5, TimeUnit.SECONDS)).isTrue();
            release.countDown();
            for (Future<Programme> answer : answers) {
                assertThat(answer.get(5, TimeUnit.SECONDS).types().get(0).organisations())
                        .isEqualTo(1);
            }
            assertThat(counts).hasValue(1);
        } finally {
            pool.shutdownNow();
        }
    }

    /** A clock that stands still until the test moves it. */
    private static final class SteppedClock extends Clock {

        private volatile Instant now;

        SteppedClock(Instant start) {
            this.now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
