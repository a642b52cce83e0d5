package be.bolwerk.assessment;

import static be.bolwerk.TestUsers.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import be.bolwerk.shared.security.CurrentUser;
import be.bolwerk.shared.security.OrganisationRole;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Two people save the same control's answer at the same moment, both from the page that showed revision 1:
 * one save wins, the other is told it came too late (409), and the stored answer is exactly the winner's.
 * Meant for PostgreSQL (bin/test runs it there too), where the row lock makes the second save wait and compare.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ConcurrentAnswerTests {

    private static final int ROUNDS = 5;

    private final MockMvc mvc;
    private final JdbcClient jdbc;

    ConcurrentAnswerTests(@Autowired MockMvc mvc, @Autowired JdbcClient jdbc) {
        this.mvc = mvc;
        this.jdbc = jdbc;
    }

    private int save(UUID id, String ref, int level, Integer basedOn, CurrentUser who) throws Exception {
        String revision = basedOn == null ? "" : ",\"revision\":" + basedOn;
        return mvc.perform(put("/api/v1/assessments/{id}/answers/{ref}", id, ref)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"documentation\":" + level + ",\"implementation\":" + level + revision + "}")
                        .with(signedIn(who))
                        .with(csrf()))
                .andReturn()
                .getResponse()
                .getStatus();
    }

    @Test
    void twoSimultaneousSavesOfOneAnswerOneWinsTheOtherConflictsNothingIsLost() throws Exception {
        UUID organisation = Fixtures.freshOrganisation(jdbc);
        CurrentUser ann = Fixtures.person(organisation, OrganisationRole.ORGANISATION_ADMIN);
        CurrentUser bert = Fixtures.person(organisation, OrganisationRole.ORGANISATION_ADMIN);
        UUID id = Fixtures.start(
                mvc, ann, organisation, Fixtures.builtIn(jdbc, "quickscan-actiedomeinen"), Fixtures.THIS_YEAR);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 1; round <= ROUNDS; round++) {
                String ref = "AD0" + round + ".1";
                assertThat(save(id, ref, 1, null, ann)).isEqualTo(200);
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Integer>> statuses = new ArrayList<>();
                statuses.add(pool.submit(() -> {
                    start.await();
                    return save(id, ref, 4, 1, ann);
                }));
                statuses.add(pool.submit(() -> {
                    start.await();
                    return save(id, ref, 2, 1, bert);
                }));
                start.countDown();
                int first = statuses.get(0).get();
                int second = statuses.get(1).get();

                assertThat(List.of(first, second)).as(ref).containsExactlyInAnyOrder(200, 409);
                int winner = first == 200 ? 4 : 2;
                assertThat(jdbc.sql("""
                                        SELECT documentation || '/' || implementation || '@' || revision
                                        FROM assessment_answer WHERE assessment_id = :id AND control_ref = :ref
                                        """)
                                .param("id", id)
                                .param("ref", ref)
                                .query(String.class)
                                .single())
                        .as(ref)
                        .isEqualTo(winner + "/" + winner + "@2");
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
