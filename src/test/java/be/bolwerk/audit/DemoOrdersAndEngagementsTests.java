package be.bolwerk.audit;

import static org.assertj.core.api.Assertions.assertThat;

import be.bolwerk.engagement.EngagementId;
import be.bolwerk.engagement.work.Viewing;
import be.bolwerk.organisation.demo.DemoOrganisationIds;
import be.bolwerk.shared.security.CurrentUser;
import be.bolwerk.shared.security.OrganisationRole;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 11's demo data, so that every page shows something real on first start: orders in every state spread over
 * the demo organisations, and two engagements, one signed and under way (its signature still valid), one waiting
 * for its signature.
 */
@SpringBootTest
class DemoOrdersAndEngagementsTests {

    /** The actor the demo orders are placed by. */
    private static final UUID DEMO = UUID.nameUUIDFromBytes("bolwerk-demo-audit".getBytes());

    private final JdbcClient jdbc;
    private final Viewing viewing;

    DemoOrdersAndEngagementsTests(@Autowired JdbcClient jdbc, @Autowired Viewing viewing) {
        this.jdbc = jdbc;
        this.viewing = viewing;
    }

    @Test
    void theDemoHasOrdersInEveryStateSpreadOverTheOrganisations() {
        List<String> statuses = jdbc.sql("SELECT DISTINCT status FROM audit_order WHERE requested_by = :demo")
                .param("demo", DEMO)
                .query(String.class)
                .list();
        assertThat(statuses)
                .containsExactlyInAnyOrderElementsOf(
                        Arrays.stream(AuditStatus.values()).map(Enum::name).toList());
        assertThat(jdbc.sql("SELECT COUNT(DISTINCT organisation_id) FROM audit_order WHERE requested_by = :demo")
                        .param("demo", DEMO)
                        .query(Long.class)
                        .single())
                .isGreaterThanOrEqualTo(AuditStatus.values().length);
    }

    @Test
    void theDemoHasOneEngagementUnderWayWithAValidSignatureAndOneAwaitingItsSignature() {
        var underWay = first(DemoOrganisationIds.APPELKERKE.value());
        assertThat(underWay.state().name()).isEqualTo("UNDER_WAY");
        assertThat(underWay.signatureValid()).isTrue();
        var awaiting = first(DemoOrganisationIds.OCMW_MUNTHOVE.value());
        assertThat(awaiting.state().name()).isEqualTo("REQUESTED");
        assertThat(awaiting.signature()).isNull();
    }

    /** The organisation's first engagement, as its admin reads it. */
    private be.bolwerk.engagement.work.Engagement first(UUID organisation) {
        UUID id = jdbc.sql("SELECT id FROM engagement WHERE organisation_id = :org ORDER BY requested_at LIMIT 1")
                .param("org", organisation)
                .query(UUID.class)
                .single();
        CurrentUser admin = new CurrentUser(
                UUID.randomUUID(),
                "demo-check@test.invalid",
                "Demo",
                null,
                true,
                Set.of(),
                Map.of(organisation, OrganisationRole.ORGANISATION_ADMIN));
        return viewing.view(new EngagementId(id), admin).engagement();
    }
}
