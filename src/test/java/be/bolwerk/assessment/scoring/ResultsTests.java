package be.bolwerk.assessment.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import be.bolwerk.assessment.evaluation.Access;
import be.bolwerk.assessment.evaluation.Answer;
import be.bolwerk.assessment.evaluation.Assessment;
import be.bolwerk.assessment.evaluation.SelfEvaluation;
import be.bolwerk.framework.Framework;
import be.bolwerk.framework.FrameworkNode;
import be.bolwerk.shared.security.OrganisationRole;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * What the results say about an evaluation still being answered: the score is partial, unanswered key measures
 * lead the work points, and "no work points" is said only when nothing is missing; the radar's short labels.
 */
class ResultsTests {

    private static FrameworkNode control(String ref, boolean key) {
        return Trees.control(ref, 1, key);
    }

    private static FrameworkNode area(String ref, String title, FrameworkNode... children) {
        return Trees.group(ref, title, 1, children);
    }

    private static Framework framework(List<FrameworkNode> areas) {
        return Trees.framework(areas);
    }

    private static Answer answer(String ref, int documentation, int implementation) {
        return Trees.maturities(ref, documentation, implementation);
    }

    private static Results results(Framework framework, Answer... given) {
        Map<String, Answer> answers = new HashMap<>();
        for (Answer a : given) {
            answers.put(a.controlRef(), a);
        }
        Scores scores = Scoring.score(framework, answers);
        UUID organisation = UUID.randomUUID();
        Assessment assessment = Assessment.start(
                organisation, framework.id().value(), 2026, Optional.empty(), organisation, Clock.systemUTC());
        SelfEvaluation view = new SelfEvaluation(
                assessment,
                new Access(assessment, OrganisationRole.ORGANISATION_ADMIN, organisation),
                framework,
                answers,
                scores);
        return new Results(
                view,
                Optional.empty(),
                new PeerBenchmark.Peers(null, 0, null, Map.of()),
                Gaps.of(framework, scores),
                List.of());
    }

    @Test
    void aScoreOfSomeAnswersIsPartialAndUnansweredKeyMeasuresComeFirst() {
        Framework framework = framework(List.of(
                area("A", "Beleid", control("a1", false), control("a2", true)),
                area("B", "Back-ups", control("b1", false), control("b2", true))));

        Results results = results(framework, answer("a1", 1, 1));

        assertThat(results.partial()).isTrue();
        assertThat(results.unanswered()).isEqualTo(3);
        assertThat(results.unansweredKeyMeasures()).isEqualTo(2);
        assertThat(results.noGapsSoFar()).isFalse();
        assertThat(results.keyMeasureGaps()).extracting(g -> g.control().ref()).containsExactly("a2", "b2");
        assertThat(results.otherGaps()).extracting(g -> g.control().ref()).containsExactly("a1");
        assertThat(results.gaps().subList(0, 2)).allMatch(Gaps.Gap::keyMeasure);
    }

    @Test
    void withoutGapsAmongTheAnswersButQuestionsLeftNoWorkPointsIsNotClaimed() {
        Framework framework = framework(
                List.of(area("A", "Beleid", control("a1", false), control("a2", false), control("a3", false))));

        Results someAnswered = results(framework, answer("a1", 5, 5));
        assertThat(someAnswered.gaps()).isEmpty();
        assertThat(someAnswered.noGapsSoFar()).isTrue();
        assertThat(someAnswered.unanswered()).isEqualTo(2);

        Results allAnswered = results(framework, answer("a1", 5, 5), answer("a2", 4, 4), answer("a3", 4, 5));
        assertThat(allAnswered.partial()).isFalse();
        assertThat(allAnswered.gaps()).isEmpty();
        assertThat(allAnswered.noGapsSoFar()).isFalse();
    }

    @Test
    void radarAxesCarryShortRefsOrNumbersWhenARefIsLong() {
        List<FrameworkNode> quickscan = IntStream.rangeClosed(1, 14)
                .mapToObj(i -> area(String.format("AD%02d", i), "Actiedomein " + i))
                .toList();
        assertThat(RadarLabels.numbered(quickscan)).isFalse();
        assertThat(RadarLabels.of(quickscan)).startsWith("AD01", "AD02").hasSize(14);

        List<FrameworkNode> eighteen = IntStream.rangeClosed(1, 18)
                .mapToObj(i -> area("family-" + i, "Control family " + i))
                .toList();
        assertThat(RadarLabels.numbered(eighteen)).isTrue();
        assertThat(RadarLabels.of(eighteen)).startsWith("1", "2").endsWith("18").hasSize(18);
    }
}
