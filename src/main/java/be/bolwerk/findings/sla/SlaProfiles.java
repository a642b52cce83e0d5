package be.bolwerk.findings.sla;

import be.bolwerk.findings.event.group.SlaProfileSet;
import be.bolwerk.shared.security.CurrentUser;
import be.bolwerk.shared.security.OrganisationRole;
import be.bolwerk.shared.security.Persona;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The SLA profiles and the one class that writes them: the programme's default, set by programme officers, and an
 * organisation's tighter profile, set by its admins and refused where it would loosen the default. The profile that
 * counts for an organisation is the stricter of both per severity, so a later tightening of the default also holds
 * for organisations that tightened before.
 */
@Service
public class SlaProfiles {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SlaProfiles(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public SlaProfile programme() {
        return jdbc.sql("""
                        SELECT critical_days, high_days, medium_days, low_days, informational_days
                        FROM finding_sla_programme WHERE id = 1
                        """).query((rs, row) -> profile(rs)).optional().orElse(SlaProfile.DEFAULT);
    }

    /** The organisation's own tightening, when it set one. */
    @Transactional(readOnly = true)
    public Optional<SlaProfile> tightening(UUID organisationId) {
        return jdbc.sql("""
                        SELECT critical_days, high_days, medium_days, low_days, informational_days
                        FROM finding_sla_organisation WHERE organisation_id = :org
                        """)
                .param("org", organisationId)
                .query((rs, row) -> profile(rs))
                .optional();
    }

    /** The profile that gives the organisation's findings their due dates. */
    @Transactional(readOnly = true)
    public SlaProfile effective(UUID organisationId) {
        return programme().tightenedBy(tightening(organisationId).orElse(null));
    }

    @Transactional
    public void setProgramme(SlaProfile profile, CurrentUser user) {
        if (!user.has(Persona.PROGRAMME_OFFICER)) {
            throw new AccessDeniedException("only programme officers set the programme's SLA");
        }
        jdbc.sql("""
                        UPDATE finding_sla_programme SET critical_days = :critical, high_days = :high,
                            medium_days = :medium, low_days = :low, informational_days = :informational,
                            changed_by = :by, changed_at = :at
                        WHERE id = 1
                        """)
                .param("by", user.id())
                .param("at", now())
                .param("critical", profile.critical())
                .param("high", profile.high())
                .param("medium", profile.medium())
                .param("low", profile.low())
                .param("informational", profile.informational())
                .update();
        events.publishEvent(new SlaProfileSet(
                null, profile.critical(), profile.high(), profile.medium(), profile.low(), profile.informational()));
    }

    /** An organisation's admin tightens the programme's profile for it; a looser day count is refused. */
    @Transactional
    public void tighten(UUID organisationId, SlaProfile profile, CurrentUser user) {
        if (user.roleIn(organisationId).orElse(null) != OrganisationRole.ORGANISATION_ADMIN) {
            throw new AccessDeniedException("only the organisation's admins tighten its SLA");
        }
        programme().requireNotLooser(profile);
        int updated = jdbc.sql("""
                        UPDATE finding_sla_organisation SET critical_days = :critical, high_days = :high,
                            medium_days = :medium, low_days = :low, informational_days = :informational,
                            changed_by = :by, changed_at = :at
                        WHERE organisation_id = :org
                        """)
                .param("org", organisationId)
                .param("critical", profile.critical())
                .param("high", profile.high())
                .param("medium", profile.medium())
                .param("low", profile.low())
                .param("informational", profile.informational())
                .param("by", user.id())
                .param("at", now())
                .update();
        if (updated == 0) {
            jdbc.sql("""
                            INSERT INTO finding_sla_organisation (organisation_id, critical_days, high_days,
                                medium_days, low_days, informational_days, changed_by, changed_at)
                            VALUES (:org, :critical, :high, :medium, :low, :informational, :by, :at)
                            """)
                    .param("org", organisationId)
                    .param("critical", profile.critical())
                    .param("high", profile.high())
                    .param("medium", profile.medium())
                    .param("low", profile.low())
                    .param("informational", profile.informational())
                    .param("by", user.id())
                    .param("at", now())
                    .update();
        }
        events.publishEvent(new SlaProfileSet(
                organisationId,
                profile.critical(),
                profile.high(),
                profile.medium(),
                profile.low(),
                profile.informational()));
    }

    private java.time.OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }

    private static SlaProfile profile(ResultSet rs) throws SQLException {
        return new SlaProfile(
                days(rs, "critical_days"),
                days(rs, "high_days"),
                days(rs, "medium_days"),
                days(rs, "low_days"),
                days(rs, "informational_days"));
    }

    private static Integer days(ResultSet rs, String column) throws SQLException {
        int days = rs.getInt(column);
        return rs.wasNull() ? null : days;
    }
}
