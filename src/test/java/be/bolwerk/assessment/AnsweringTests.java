package be.bolwerk.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.bolwerk.AtOnce;
import be.bolwerk.assessment.evaluation.AnswerField;
import be.bolwerk.assessment.evaluation.AnswerInput;
import be.bolwerk.assessment.evaluation.AnswerStore;
import be.bolwerk.assessment.evaluation.Answering;
import be.bolwerk.assessment.evaluation.Submitting;
import be.bolwerk.assessment.evidence.EvidenceFiles;
import be.bolwerk.framework.FrameworkNode;
import be.bolwerk.framework.FrameworkVersionId;
import be.bolwerk.framework.Frameworks;
import be.bolwerk.shared.Refusal;
import be.bolwerk.shared.security.CurrentUser;
import be.bolwerk.shared.security.OrganisationRole;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Answering with colleagues and from last year, through the use cases: saves based on an older revision are
 * merged field by field (also when two arrive at the same moment), only the same field changed twice is a
 * conflict that stores nothing; carried-over answers stay "to confirm" until confirmed or changed, their
 * evidence follows by reference, and submitting with unconfirmed ones needs an explicit yes.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AnsweringTests {

    private static final int ROUNDS = 5;

    private final MockMvc mvc;
    private final JdbcClient jdbc;
    private final Answering answering;
    private final Submitting submitting;
    private final EvidenceFiles evidence;
    private final Frameworks frameworks;

    AnsweringTests(
            @Autowired MockMvc mvc,
            @Autowired JdbcClient jdbc,
            @Autowired Answering answering,
            @Autowired Submitting submitting,
            @Autowired EvidenceFiles evidence,
            @Autowired Frameworks frameworks) {
        this.mvc = mvc;
        this.jdbc = jdbc;
        this.answering = answering;
        this.submitting = submitting;
        this.evidence = evidence;
        this.frameworks = frameworks;
    }

    private static AnswerInput input(Integer doc, Integer impl, String comment, Integer basedOn) {
        return new AnswerInput(doc, impl, false, null, comment, basedOn);
    }

    private String stored(UUID assessment, String ref) {
        return jdbc.sql("""
                        SELECT documentation || '/' || implementation || '/' || COALESCE(comment, '-') || '@' || revision
                        FROM assessment_answer WHERE assessment_id = :id AND control_ref = :ref
                        """)
                .param("id", assessment)
                .param("ref", ref)
                .query(String.class)
                .single();
    }

    @Test
    void twoPeopleChangingDifferentFieldsAtTheSameMomentKeepBothChanges() throws Exception {
        Fixtures.TwoAdmins two = Fixtures.twoAdminsOnAQuickscan(mvc, jdbc);
        UUID id = two.assessment();
        for (int round = 1; round <= ROUNDS; round++) {
            String ref = "AD0" + round + ".1";
            answering.answer(id, ref, input(1, 1, "begin", 0), two.ann());

            List<AnswerStore.Saved> saved = AtOnce.run(
                    () -> answering.answer(id, ref, input(4, 1, "begin", 1), two.ann()),
                    () -> answering.answer(id, ref, input(1, 1, "toelichting van Bert", 1), two.bert()));

            assertThat(saved).extracting(AnswerStore.Saved::outcome).as(ref).containsOnly(AnswerStore.Outcome.SAVED);
            assertThat(stored(id, ref)).as(ref).isEqualTo("4/1/toelichting van Bert@3");
        }
    }

    @Test
    void theSameFieldChangedTwiceIsAConflictThatStoresNothingAndKeepsBothVersions() {
        UUID organisation = Fixtures.freshOrganisation(jdbc);
        CurrentUser ann = Fixtures.person(organisation, OrganisationRole.ORGANISATION_ADMIN);
        CurrentUser bert = Fixtures.person(organisation, OrganisationRole.ORGANISATION_ADMIN);
        UUID id = start(ann, organisation);
        answering.answer(id, "AD01.1", input(2, 2, "begin", 0), ann);
        answering.answer(id, "AD01.1", input(2, 2, "Ann schreef dit", 1), ann);

        AnswerStore.Saved late = answering.answer(id, "AD01.1", input(2, 3, "Bert schreef dit", 1), bert);

        assertThat(late.outcome()).isEqualTo(AnswerStore.Outcome.CONFLICT);
        assertThat(late.merge().conflicts()).containsExactly(AnswerField.COMMENT);
        assertThat(late.answer().comment()).isEqualTo("Ann schreef dit");
        assertThat(late.sent().comment()).isEqualTo("Bert schreef dit");
        assertThat(stored(id, "AD01.1")).isEqualTo("2/2/Ann schreef dit@2");

        // Bert merges: keeps Ann's comment, his own implementation, saved against Ann's revision.
        AnswerStore.Saved merged = answering.answer(
                id,
                "AD01.1",
                new AnswerInput(2, 3, false, null, "Bert schreef dit", 2, Set.of(AnswerField.COMMENT)),
                bert);
        assertThat(merged.outcome()).isEqualTo(AnswerStore.Outcome.SAVED);
        assertThat(stored(id, "AD01.1")).isEqualTo("2/3/Ann schreef dit@3");
    }

    @Test
    void aFirstAnswerFromAPageWithoutAnswerMergesWithAColleaguesFirstAnswer() {
        UUID organisation = Fixtures.freshOrganisation(jdbc);
        CurrentUser ann = Fixtures.person(organisation, OrganisationRole.ORGANISATION_ADMIN);
        CurrentUser bert = Fixtures.person(organisation, OrganisationRole.ORGANISATION_ADMIN);
        UUID id = start(ann, organisation);
        answering.answer(id, "AD02.1", input(null, null, "Ann", 0), ann);

        assertThat(answering.answer(id, "AD02.1", input(3, 3, null, 0), bert).outcome())
                .isEqualTo(AnswerStore.Outcome.SAVED);
        assertThat(stored(id, "AD02.1")).isEqualTo("3/3/Ann@2");
    }

    @Test
    void carriedOverAnswersWaitForConfirmationAndTheirEvidenceFollowsByReference() {
        UUID organisation = Fixtures.freshOrganisation(jdbc);
        UUID framework = Fixtures.builtIn(jdbc, "quickscan-actiedomeinen");
        List<FrameworkNode> controls =
                frameworks.get(FrameworkVersionId.of(framework)).controls();
        UUID last = Fixtures.storedAssessment(
                jdbc, organisation, framework, Fixtures.THIS_YEAR - 1, "SUBMITTED", new BigDecimal("3.0"), true);
        controls.forEach(c -> Fixtures.storedAnswer(jdbc, organisation, last, c.ref(), 3, 3, "vorig jaar", 2));
        UUID file = storedFile(organisation, last, "AD01.1", "beleid.txt", "Beleid van vorig jaar");
        CurrentUser admin = Fixtures.person(organisation, OrganisationRole.ORGANISATION_ADMIN);

        UUID next = start(admin, organisation);

        assertThat(toConfirm(next)).isEqualTo(controls.size());
        assertThat(jdbc.sql("""
                                SELECT carried_from FROM assessment_evidence
                                WHERE assessment_id = :id AND control_ref = 'AD01.1' AND content IS NULL
                                """).param("id", next).query(UUID.class).single())
                .as("the new row points at the stored file instead of copying its bytes")
                .isEqualTo(file);
        UUID carried = jdbc.sql("SELECT id FROM assessment_evidence WHERE assessment_id = :id")
                .param("id", next)
                .query(UUID.class)
                .single();
        assertThat(new String(evidence.file(next, carried, admin).content(), StandardCharsets.UTF_8))
                .isEqualTo("Beleid van vorig jaar");

        // Confirming one, changing one and confirming a whole area each take answers off the list.
        assertThat(answering.confirm(next, "AD01.1", admin)).isEqualTo(1);
        answering.answer(next, "AD01.2", input(4, 4, "vorig jaar", 1), admin);
        assertThat(toConfirm(next)).isEqualTo(controls.size() - 2);
        int inAreaTwo =
                (int) controls.stream().filter(c -> c.ref().startsWith("AD02.")).count();
        assertThat(answering.confirmArea(next, "AD02", admin)).isEqualTo(inAreaTwo);
        int left = controls.size() - 2 - inAreaTwo;
        assertThat(toConfirm(next)).isEqualTo(left);

        // Submitting with answers still to confirm is never silent: refused with their number, then an explicit yes.
        assertThatThrownBy(() -> submitting.submit(next, admin)).isInstanceOfSatisfying(Refusal.class, refusal -> {
            assertThat(refusal.messageKey()).isEqualTo(Submitting.UNCONFIRMED);
            assertThat(refusal.arguments()).containsExactly(left);
        });
        assertThat(Fixtures.status(jdbc, next)).isEqualTo("DRAFT");
        submitting.submit(next, admin, true);
        assertThat(Fixtures.status(jdbc, next)).isEqualTo("SUBMITTED");
    }

    private UUID start(CurrentUser admin, UUID organisation) {
        try {
            return Fixtures.start(
                    mvc, admin, organisation, Fixtures.builtIn(jdbc, "quickscan-actiedomeinen"), Fixtures.THIS_YEAR);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private int toConfirm(UUID assessment) {
        return jdbc.sql("SELECT COUNT(*) FROM assessment_answer WHERE assessment_id = :id AND carried_over")
                .param("id", assessment)
                .query(Integer.class)
                .single();
    }

    private UUID storedFile(UUID organisation, UUID assessment, String ref, String name, String text) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO assessment_evidence (organisation_id, id, assessment_id, control_ref, kind, name,
                            content_type, size_bytes, content, uploaded_by, uploaded_at)
                        VALUES (:org, :id, :assessment, :ref, 'FILE', :name, 'text/plain', :size, :content, :org,
                            CURRENT_TIMESTAMP)
                        """)
                .param("org", organisation)
                .param("id", id)
                .param("assessment", assessment)
                .param("ref", ref)
                .param("name", name)
                .param("size", text.length())
                .param("content", text.getBytes(StandardCharsets.UTF_8))
                .update();
        return id;
    }
}
