package be.bolwerk.campaign;

import be.bolwerk.shared.BelgianTime;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An organisation's campaign deadlines, for the pages that show them (the self-evaluations list, the home work
 * list). Answers for the organisations it is given: the caller passes only organisations the signed-in person
 * is a member of ({@code user.memberships().keySet()}), exactly like {@code identity.OrganisationMembers}.
 */
@Service
@Transactional(readOnly = true)
public class Campaigns {

    /**
     * How long after its deadline an organisation still sees a campaign: long enough to see that it is late and
     * to submit, short enough that last year's campaign does not linger.
     */
    public static final int SHOWN_AFTER_DEADLINE_DAYS = 30;

    private static final String SELECT = """
            SELECT c.id, c.name, p.organisation_id, c.framework_version_id, c.campaign_year, p.deadline,
                   p.extension_reason
            FROM campaign c JOIN campaign_participant p ON p.campaign_id = c.id
            """;

    private final JdbcClient jdbc;
    private final Clock clock;

    Campaigns(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * The campaigns these organisations take part in that have started and whose deadline (the organisation's
     * own, extended or not) is at most {@link #SHOWN_AFTER_DEADLINE_DAYS} days past; earliest deadline first.
     */
    public List<CampaignDeadline> openFor(Collection<UUID> organisationIds) {
        if (organisationIds.isEmpty()) {
            return List.of();
        }
        LocalDate today = BelgianTime.today(clock);
        return jdbc.sql(SELECT + """
                        WHERE p.organisation_id IN (:organisations) AND c.starts_on <= :today
                          AND p.deadline >= :shownFrom
                        ORDER BY p.deadline, c.name, p.organisation_id
                        """)
                .param("organisations", List.copyOf(organisationIds))
                .param("today", today)
                .param("shownFrom", today.minusDays(SHOWN_AFTER_DEADLINE_DAYS))
                .query(Campaigns::row)
                .list();
    }

    /** {@link #openFor(Collection)} for one organisation. */
    public List<CampaignDeadline> openFor(UUID organisationId) {
        return openFor(Set.of(organisationId));
    }

    /**
     * The organisation's deadline for its self-evaluation of this framework version and year, if a campaign
     * asks for one (started or not yet).
     */
    public Optional<CampaignDeadline> deadlineFor(UUID organisationId, UUID frameworkVersionId, int year) {
        return jdbc.sql(SELECT + """
                        WHERE p.organisation_id = :organisation AND c.framework_version_id = :version
                          AND c.campaign_year = :year
                        """)
                .param("organisation", organisationId)
                .param("version", frameworkVersionId)
                .param("year", year)
                .query(Campaigns::row)
                .optional();
    }

    private static CampaignDeadline row(ResultSet rs, int row) throws SQLException {
        return new CampaignDeadline(
                new CampaignId(rs.getObject("id", UUID.class)),
                rs.getString("name"),
                rs.getObject("organisation_id", UUID.class),
                rs.getObject("framework_version_id", UUID.class),
                rs.getInt("campaign_year"),
                rs.getObject("deadline", LocalDate.class),
                rs.getString("extension_reason"));
    }
}
