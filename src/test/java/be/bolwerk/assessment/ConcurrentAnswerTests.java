package be.bolwerk.assessment;

import static be.bolwerk.TestUsers.signedIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import be.bolwerk.AtOnce;
import be.bolwerk.shared.security.CurrentUser;
import java.util.List;
import java.util.UUID;
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
        Fixtures.TwoAdmins two = Fixtures.twoAdminsOnAQuickscan(mvc, jdbc);
        UUID id = two.assessment();
        for (int round = 1; round <= ROUNDS; round++) {
            String ref = "AD0" + round + ".1";
            assertThat(save(id, ref, 1, null, two.ann())).isEqualTo(200);

            List<Integer> statuses =
                    AtOnce.run(() -> save(id, ref, 4, 1, two.ann()), () -> save(id, ref, 2, 1, two.bert()));

            assertThat(statuses).as(ref).containsExactlyInAnyOrder(200, 409);
            int winner = statuses.get(0) == 200 ? 4 : 2;
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
    }
}
