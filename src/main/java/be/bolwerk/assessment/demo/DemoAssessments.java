package be.bolwerk.assessment.demo;

import be.bolwerk.assessment.evaluation.Answer;
import be.bolwerk.assessment.evaluation.Assessment;
import be.bolwerk.assessment.evaluation.AssessmentStore;
import be.bolwerk.assessment.scoring.Scoring;
import be.bolwerk.framework.Framework;
import be.bolwerk.framework.FrameworkNode;
import be.bolwerk.framework.FrameworkSource;
import be.bolwerk.framework.Frameworks;
import be.bolwerk.organisation.demo.DemoOrganisationIds;
import be.bolwerk.shared.BelgianTime;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo profile only: self-evaluations of about half the demo organisations, last year and this year, with
 * answers drawn around a maturity of their own (fixed seed, so every demo looks the same). The programme
 * overview and the peer comparison then have something to show. The organisations of the demo accounts get
 * none: their admin starts one in the demo.
 */
@Component
@Profile("demo")
@Order(30)
public class DemoAssessments implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoAssessments.class);
    private static final UUID DEMO_PERSON = UUID.nameUUIDFromBytes("bolwerk-demo-assessments".getBytes());

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final Frameworks frameworks;
    private final AssessmentStore assessments;
    private final Clock clock;

    DemoAssessments(
            JdbcClient jdbc, JdbcTemplate batch, Frameworks frameworks, AssessmentStore assessments, Clock clock) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.frameworks = frameworks;
        this.assessments = assessments;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (jdbc.sql("SELECT COUNT(*) FROM assessment").query(Long.class).single() > 0) {
            return;
        }
        Optional<Framework> selfEvaluation = builtIn("zelfevaluatie-ict");
        Optional<Framework> quickscan = builtIn("quickscan-actiedomeinen");
        if (selfEvaluation.isEmpty() || quickscan.isEmpty()) {
            return;
        }
        List<UUID> organisations = jdbc.sql("SELECT id FROM organisation WHERE id NOT IN (:skip) ORDER BY id")
                .param(
                        "skip",
                        List.of(DemoOrganisationIds.APPELKERKE.value(), DemoOrganisationIds.OCMW_MUNTHOVE.value()))
                .query(UUID.class)
                .list();
        int year = BelgianTime.thisYear(clock);
        Random random = new Random(2026);
        int made = 0;
        for (UUID organisation : organisations) {
            double chance = random.nextDouble();
            int maturity = 1 + random.nextInt(3);
            if (chance < 0.55) {
                made += submitted(organisation, selfEvaluation.get(), year - 1, maturity, random);
                if (chance < 0.35) {
                    made += submitted(organisation, selfEvaluation.get(), year, Math.min(4, maturity + 1), random);
                }
            }
            if (chance > 0.45 && chance < 0.75) {
                made += submitted(organisation, quickscan.get(), year, maturity, random);
            }
        }
        log.info("Loaded {} demo self-evaluations", made);
    }

    private Optional<Framework> builtIn(String code) {
        return frameworks.all().stream()
                .filter(f -> f.code().equals(code) && f.source() == FrameworkSource.BUILT_IN)
                .findFirst()
                .map(f -> frameworks.get(f.id()));
    }

    private int submitted(UUID organisation, Framework framework, int year, int maturity, Random random) {
        Assessment assessment =
                Assessment.start(organisation, framework.id().value(), year, Optional.empty(), DEMO_PERSON, clock);
        assessments.insert(assessment);
        Map<String, Answer> answers = new HashMap<>();
        List<Object[]> rows = new ArrayList<>();
        Instant now = clock.instant();
        for (FrameworkNode control : framework.controls()) {
            boolean notApplicable = !control.keyMeasure() && random.nextDouble() < 0.04;
            Integer documentation = notApplicable ? null : level(maturity, random);
            Integer implementation = notApplicable ? null : level(maturity, random);
            String justification = notApplicable ? "Niet van toepassing in ons bestuur (demo)." : null;
            answers.put(
                    control.ref(),
                    new Answer(
                            control.ref(),
                            documentation,
                            implementation,
                            notApplicable,
                            justification,
                            null,
                            DEMO_PERSON,
                            now,
                            1));
            rows.add(new Object[] {
                organisation,
                assessment.id(),
                control.ref(),
                documentation,
                implementation,
                notApplicable,
                justification,
                DEMO_PERSON,
                Timestamp.from(now)
            });
        }
        batch.batchUpdate("""
                INSERT INTO assessment_answer (organisation_id, assessment_id, control_ref, documentation,
                    implementation, not_applicable, justification, answered_by, answered_at, revision)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1)
                """, rows);
        Assessment stored = assessments.find(assessment.id()).orElseThrow();
        stored.submit(Scoring.score(framework, answers), DEMO_PERSON, clock);
        assessments.update(stored);
        return 1;
    }

    private static int level(int maturity, Random random) {
        return Math.max(0, Math.min(5, maturity + random.nextInt(3) - 1));
    }
}
