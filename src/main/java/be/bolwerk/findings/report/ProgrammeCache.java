package be.bolwerk.findings.report;

import be.bolwerk.findings.report.ProgrammeFigures.Programme;
import be.bolwerk.findings.report.ProgrammeFigures.Scope;
import be.bolwerk.findings.report.ProgrammeFigures.TypeFigures;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The programme figures of each scope, kept in this node's memory (ADR 0033). The first request for a scope counts
 * (concurrent requests for it wait for that one count); for {@link #FRESH} the figures are served as they are; the
 * first request after that still gets them at once and starts a recount in the background
 * (stale-while-revalidate); figures nobody asked for during {@link #KEPT} are dropped, so no answer is older than
 * that. At most {@link #SCOPES} scopes are kept (the least used go first). Time is the injected clock's.
 */
final class ProgrammeCache {

    static final Duration FRESH = Duration.ofSeconds(60);
    static final Duration KEPT = Duration.ofMinutes(5);
    static final int SCOPES = 64;

    private final LoadingCache<Scope, Programme> figures;

    ProgrammeCache(Function<Scope, List<TypeFigures>> count, Clock clock, Executor recount) {
        this.figures = Caffeine.newBuilder()
                .maximumSize(SCOPES)
                .refreshAfterWrite(FRESH)
                .expireAfterWrite(KEPT)
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
                .executor(recount)
                .build(scope -> {
                    var computedAt = clock.instant();
                    return new Programme(count.apply(scope), computedAt);
                });
    }

    Programme get(Scope scope) {
        return figures.get(scope);
    }
}
