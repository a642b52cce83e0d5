package be.bolwerk.assessment.scoring;

import be.bolwerk.assessment.evaluation.Answer;
import be.bolwerk.framework.Framework;
import be.bolwerk.framework.FrameworkNode;
import be.bolwerk.framework.FrameworkSource;
import be.bolwerk.framework.FrameworkVersionId;
import be.bolwerk.framework.NodeKind;
import be.bolwerk.framework.Thresholds;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Small framework trees and answers written by hand, so the scoring tests read as their worked examples. */
final class Trees {

    private Trees() {}

    static FrameworkNode control(String ref, int weight, boolean key) {
        return new FrameworkNode(
                ref,
                NodeKind.CONTROL,
                ref,
                null,
                null,
                null,
                List.of(),
                BigDecimal.valueOf(weight),
                key,
                List.of(),
                List.of());
    }

    static FrameworkNode group(String ref, String title, int weight, FrameworkNode... children) {
        return new FrameworkNode(
                ref,
                NodeKind.GROUP,
                title,
                null,
                null,
                null,
                List.of(),
                BigDecimal.valueOf(weight),
                false,
                List.of(),
                List.of(children));
    }

    /** A built-in framework with the CyFun thresholds whose top-level groups are the given areas. */
    static Framework framework(List<FrameworkNode> areas) {
        return new Framework(
                FrameworkVersionId.of(UUID.randomUUID()),
                "test",
                "1",
                "Test",
                "nl",
                null,
                Thresholds.CYFUN,
                FrameworkSource.BUILT_IN,
                null,
                Map.of(),
                List.of(),
                areas,
                Instant.now());
    }

    static Answer maturities(String ref, int documentation, int implementation) {
        return new Answer(ref, documentation, implementation, false, null, null, UUID.randomUUID(), Instant.now(), 1);
    }

    static Answer notApplicable(String ref, String why) {
        return new Answer(ref, null, null, true, why, null, UUID.randomUUID(), Instant.now(), 1);
    }
}
