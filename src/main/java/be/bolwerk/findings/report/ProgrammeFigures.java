package be.bolwerk.findings.report;

import be.bolwerk.findings.FindingStatus;
import be.bolwerk.findings.Severity;
import be.bolwerk.organisation.OrganisationDirectory;
import be.bolwerk.organisation.OrganisationListItem;
import be.bolwerk.organisation.OrganisationSearch;
import be.bolwerk.organisation.OrganisationType;
import be.bolwerk.shared.security.CurrentUser;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ForkJoinPool;
import org.springframework.stereotype.Component;

/**
 * The programme office's view of every register it sees, per organisation type: counts by severity and status, the
 * median days from arrival to closing and the share closed within the SLA; only numbers. The organisation module
 * decides which organisations the officer sees; {@link ProgrammeCounts} counts them in one pass over the findings,
 * and {@link ProgrammeCache} keeps the counts per set of organisations for a minute and recounts in the background
 * (ADR 0033), so a request costs the lookup of the organisations, not a pass over every register.
 */
@Component
public class ProgrammeFigures {

    /** One organisation type's figures; {@code medianDays} null when nothing closed yet. */
    public record TypeFigures(
            OrganisationType type,
            int organisations,
            Map<Severity, Long> bySeverity,
            Map<FindingStatus, Long> byStatus,
            BigDecimal medianDays,
            Share withinSla) {

        public long total() {
            return bySeverity.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** The figures of a scope and the moment they were counted (they may be up to a few minutes old). */
    public record Programme(List<TypeFigures> types, Instant computedAt) {}

    /**
     * The organisations an officer sees, by type, ids in order: the cache's key, so officers who see the same
     * organisations share figures and one who sees fewer never gets another's.
     */
    record Scope(Map<OrganisationType, List<UUID>> byType) {

        Scope {
            Map<OrganisationType, List<UUID>> sorted = new EnumMap<>(OrganisationType.class);
            byType.forEach((type, ids) -> sorted.put(type, ids.stream().sorted().toList()));
            byType = java.util.Collections.unmodifiableMap(sorted);
        }
    }

    private final OrganisationDirectory organisations;
    private final ProgrammeCache cache;
    private final Clock clock;

    ProgrammeFigures(ProgrammeCounts counts, OrganisationDirectory organisations, Clock clock) {
        this.organisations = organisations;
        this.clock = clock;
        this.cache = new ProgrammeCache(counts::of, clock, ForkJoinPool.commonPool());
    }

    /** Every organisation type the officer sees at least one organisation of, in the enum's order. */
    public Programme of(CurrentUser officer) {
        Map<OrganisationType, List<UUID>> byType = new EnumMap<>(OrganisationType.class);
        for (OrganisationListItem o : organisations.matching(
                new OrganisationSearch("", null, "name", false, 0, OrganisationSearch.MAX_SIZE), officer)) {
            byType.computeIfAbsent(o.type(), t -> new ArrayList<>()).add(o.id().value());
        }
        if (byType.isEmpty()) {
            return new Programme(List.of(), clock.instant());
        }
        return cache.get(new Scope(byType));
    }
}
