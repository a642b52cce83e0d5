package be.bolwerk.identity;

import be.bolwerk.shared.security.Persona;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who holds a programme-wide persona, and for which audit firm or college: for modules that hand out work by
 * firm or college (audits, ethical-hacking tests). Callers decide whether the person asking may know.
 */
@Service
public class ProgrammePeople {

    /** An active account holding the persona; the affiliation is empty for personas without one. */
    public record Holder(UUID accountId, String displayName, String email, Persona persona, String affiliation) {}

    private final JdbcClient jdbc;

    ProgrammePeople(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every active account with this persona, by name. */
    @Transactional(readOnly = true)
    public List<Holder> holding(Persona persona) {
        return jdbc.sql("""
                        SELECT a.id, a.display_name, a.email, r.role, r.affiliation FROM programme_role r
                        JOIN user_account a ON a.id = r.user_account_id
                        WHERE r.role = :role AND a.enabled = TRUE
                        ORDER BY a.display_name, a.email
                        """)
                .param("role", persona.name())
                .query((rs, row) -> new Holder(
                        rs.getObject("id", UUID.class),
                        rs.getString("display_name"),
                        rs.getString("email"),
                        Persona.valueOf(rs.getString("role")),
                        rs.getString("affiliation")))
                .list();
    }

    /** The audit firm or college of this account in this persona; empty when it does not hold it or has none. */
    @Transactional(readOnly = true)
    public Optional<String> affiliationOf(UUID accountId, Persona persona) {
        return jdbc.sql("SELECT affiliation FROM programme_role WHERE user_account_id = :id AND role = :role")
                .param("id", accountId)
                .param("role", persona.name())
                .query((rs, row) -> Optional.ofNullable(rs.getString("affiliation")))
                .optional()
                .flatMap(a -> a);
    }
}
