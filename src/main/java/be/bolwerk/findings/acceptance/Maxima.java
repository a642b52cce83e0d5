package be.bolwerk.findings.acceptance;

import be.bolwerk.findings.event.group.RiskAcceptanceMaximumSet;
import be.bolwerk.shared.security.CurrentUser;
import be.bolwerk.shared.security.Persona;
import java.time.Clock;
import java.time.ZoneOffset;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The programme's maximum duration of a risk acceptance per severity, and the one class that writes it. */
@Service
public class Maxima {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Maxima(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public MaximumDuration current() {
        return jdbc.sql("""
                        SELECT critical_months, high_months, medium_months, low_months, informational_months
                        FROM risk_acceptance_maximum WHERE id = 1
                        """)
                .query((rs, row) -> new MaximumDuration(
                        rs.getInt("critical_months"),
                        rs.getInt("high_months"),
                        rs.getInt("medium_months"),
                        rs.getInt("low_months"),
                        rs.getInt("informational_months")))
                .optional()
                .orElse(MaximumDuration.DEFAULT);
    }

    @Transactional
    public void set(MaximumDuration maximum, CurrentUser user) {
        if (!user.has(Persona.PROGRAMME_OFFICER)) {
            throw new AccessDeniedException("only programme officers set the maximum duration");
        }
        jdbc.sql("""
                        UPDATE risk_acceptance_maximum SET critical_months = :critical, high_months = :high,
                            medium_months = :medium, low_months = :low, informational_months = :informational,
                            changed_by = :by, changed_at = :at
                        WHERE id = 1
                        """)
                .param("critical", maximum.critical())
                .param("high", maximum.high())
                .param("medium", maximum.medium())
                .param("low", maximum.low())
                .param("informational", maximum.informational())
                .param("by", user.id())
                .param("at", clock.instant().atOffset(ZoneOffset.UTC))
                .update();
        events.publishEvent(new RiskAcceptanceMaximumSet(
                maximum.critical(), maximum.high(), maximum.medium(), maximum.low(), maximum.informational()));
    }
}
