package be.bolwerk.assessment.scoring;

import be.bolwerk.assessment.evaluation.AssessmentStore;
import be.bolwerk.organisation.OrganisationId;
import be.bolwerk.organisation.PeerGroups;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The anonymous comparison with peers: organisations of the same type and size class that submitted the same
 * framework version (their latest submission each). Shown only from {@value #MINIMUM_PEERS} peers on: with
 * fewer, a median would come too close to one identifiable organisation's score.
 */
@Component
public class PeerBenchmark {

    static final int MINIMUM_PEERS = 5;

    /** The comparison, or why there is none: {@code count} peers submitted so far. */
    public record Peers(PeerGroups.PeerGroup group, int count, Spread total, Map<String, Spread> areas) {

        public boolean shown() {
            return total != null;
        }
    }

    private final PeerGroups peerGroups;
    private final AssessmentStore assessments;

    PeerBenchmark(PeerGroups peerGroups, AssessmentStore assessments) {
        this.peerGroups = peerGroups;
        this.assessments = assessments;
    }

    public Peers of(UUID organisationId, UUID frameworkVersionId) {
        PeerGroups.PeerGroup group = peerGroups.of(OrganisationId.of(organisationId));
        List<AssessmentStore.SubmittedScores> submitted =
                assessments.latestSubmittedScores(frameworkVersionId, group.peers());
        return compare(group, submitted);
    }

    static Peers compare(PeerGroups.PeerGroup group, List<AssessmentStore.SubmittedScores> submitted) {
        if (submitted.size() < MINIMUM_PEERS) {
            return new Peers(group, submitted.size(), null, Map.of());
        }
        Map<String, List<BigDecimal>> byArea = new LinkedHashMap<>();
        List<BigDecimal> totals = new ArrayList<>();
        for (AssessmentStore.SubmittedScores scores : submitted) {
            totals.add(scores.total());
            scores.areas()
                    .forEach((area, score) ->
                            byArea.computeIfAbsent(area, k -> new ArrayList<>()).add(score));
        }
        Map<String, Spread> areas = new LinkedHashMap<>();
        byArea.forEach((area, scores) -> {
            if (scores.size() >= MINIMUM_PEERS) {
                areas.put(area, Spread.of(scores));
            }
        });
        return new Peers(group, submitted.size(), Spread.of(totals), areas);
    }

    Optional<Spread> area(Peers peers, String ref) {
        return Optional.ofNullable(peers.areas().get(ref));
    }
}
