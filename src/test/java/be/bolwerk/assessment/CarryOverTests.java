package be.bolwerk.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import be.bolwerk.framework.FrameworkVersionId;
import be.bolwerk.framework.Frameworks;
import be.bolwerk.framework.imports.FrameworkImports;
import be.bolwerk.shared.BelgianTime;
import be.bolwerk.shared.security.CurrentUser;
import be.bolwerk.shared.security.OrganisationRole;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A new framework version that renumbers a control declares a mapping from the previous version; last year's
 * answer then arrives under the new ref, and an answer to a control that no longer exists stays behind.
 */
@SpringBootTest
@AutoConfigureMockMvc
class CarryOverTests {

    private static final int THIS_YEAR = BelgianTime.yearOf(Instant.now());

    private final MockMvc mvc;
    private final JdbcClient jdbc;
    private final Frameworks frameworks;
    private final FrameworkImports imports;

    CarryOverTests(
            @Autowired MockMvc mvc,
            @Autowired JdbcClient jdbc,
            @Autowired Frameworks frameworks,
            @Autowired FrameworkImports imports) {
        this.mvc = mvc;
        this.jdbc = jdbc;
        this.frameworks = frameworks;
        this.imports = imports;
    }

    @Test
    void answersFollowTheMappingOfANewVersion() throws Exception {
        UUID original = Fixtures.builtIn(jdbc, "quickscan-actiedomeinen");
        FrameworkVersionId renumbered = Fixtures.quickscanCopy(frameworks, imports, json -> {
            String renamed = json.replace("\"ref\" : \"AD01.1\"", "\"ref\" : \"AD01.9\"");
            return renamed.substring(0, renamed.lastIndexOf('}'))
                    + ", \"mapping\" : { \"from\" : \"2026.1\", \"refs\" : { \"AD01.1\" : \"AD01.9\" } } }";
        });

        UUID organisation = Fixtures.freshOrganisation(jdbc);
        UUID last = Fixtures.storedAssessment(
                jdbc, organisation, original, THIS_YEAR - 1, "SUBMITTED", new BigDecimal("4.0"), true);
        for (String ref : new String[] {"AD01.1", "AD01.2"}) {
            Fixtures.storedAnswer(jdbc, organisation, last, ref, 4, 3, "vorig jaar " + ref, 3);
        }

        CurrentUser admin = Fixtures.person(organisation, OrganisationRole.ORGANISATION_ADMIN);
        UUID next = Fixtures.start(mvc, admin, organisation, renumbered, THIS_YEAR);

        assertThat(jdbc.sql("""
                                SELECT control_ref || '=' || comment || '@' || revision FROM assessment_answer
                                WHERE assessment_id = :id ORDER BY control_ref
                                """).param("id", next).query(String.class).list())
                .containsExactly("AD01.2=vorig jaar AD01.2@1", "AD01.9=vorig jaar AD01.1@1");
        assertThat(jdbc.sql("SELECT previous_id FROM assessment WHERE id = :id")
                        .param("id", next)
                        .query(UUID.class)
                        .single())
                .isEqualTo(last);
    }
}
