package be.bolwerk.incident.obligation;

import be.bolwerk.organisation.OrganisationType;
import be.bolwerk.shared.Refusal;
import be.bolwerk.shared.security.CurrentUser;
import be.bolwerk.shared.security.Persona;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who receives a personal-data breach notification, per organisation type: set by the programme (the law names
 * the authority, but which one applies to an association or a welfare centre is the programme's reading of it).
 * The one writer of {@code breach_authority}. A change applies to obligations computed afterwards; one already
 * pending keeps its recipient until the facts change (ADR 0039).
 */
@Service
public class BreachAuthorities {

    static final String NOT_AN_AUTHORITY = "incident.obligation.rule.notAnAuthority";

    private final JdbcClient jdbc;
    private final Clock clock;

    BreachAuthorities(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The authority for each type; a type missing from the table (a new one) answers to the GBA. */
    @Transactional(readOnly = true)
    public Map<OrganisationType, Recipient> all() {
        Map<OrganisationType, Recipient> result = new EnumMap<>(OrganisationType.class);
        for (OrganisationType type : OrganisationType.values()) {
            result.put(type, Recipient.GBA);
        }
        jdbc.sql("SELECT organisation_type, authority FROM breach_authority")
                .query((rs, row) -> result.put(
                        OrganisationType.valueOf(rs.getString("organisation_type")),
                        Recipient.valueOf(rs.getString("authority"))))
                .list();
        return result;
    }

    Recipient forType(OrganisationType type) {
        return all().get(type);
    }

    /** Sets the authority of one type; programme officers only (others: 403). */
    @Transactional
    public void change(OrganisationType type, Recipient authority, CurrentUser user) {
        if (!user.has(Persona.PROGRAMME_OFFICER)) {
            throw new AccessDeniedException("the programme sets the breach authorities");
        }
        if (type == null || authority == null || !authority.breachAuthority()) {
            throw Refusal.invalid(NOT_AN_AUTHORITY);
        }
        int written = jdbc.sql("UPDATE breach_authority SET authority = :authority, changed_by = :by, changed_at = :at"
                        + " WHERE organisation_type = :type")
                .param("authority", authority.name())
                .param("by", user.id())
                .param("at", clock.instant().atOffset(ZoneOffset.UTC))
                .param("type", type.name())
                .update();
        if (written == 0) {
            jdbc.sql("INSERT INTO breach_authority (organisation_type, authority, changed_by, changed_at)"
                            + " VALUES (:type, :authority, :by, :at)")
                    .param("authority", authority.name())
                    .param("by", user.id())
                    .param("at", clock.instant().atOffset(ZoneOffset.UTC))
                    .param("type", type.name())
                    .update();
        }
    }
}
