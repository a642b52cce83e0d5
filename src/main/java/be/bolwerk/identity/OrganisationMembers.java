package be.bolwerk.identity;

import be.bolwerk.shared.security.OrganisationRole;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who belongs to an organisation. Callers decide whether the person asking may know; this service only
 * answers for the organisation it is given.
 */
@Service
public class OrganisationMembers {

    private final JdbcClient jdbc;

    OrganisationMembers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every member, active or not, by name. */
    @Transactional(readOnly = true)
    public List<OrganisationMember> of(UUID organisationId) {
        return jdbc.sql("""
                        SELECT a.id, a.display_name, a.email, m.role FROM membership m
                        JOIN user_account a ON a.id = m.user_account_id
                        WHERE m.organisation_id = :org
                        ORDER BY a.display_name, a.email
                        """)
                .param("org", organisationId)
                .query((rs, row) -> new OrganisationMember(
                        rs.getObject("id", UUID.class),
                        rs.getString("display_name"),
                        rs.getString("email"),
                        OrganisationRole.valueOf(rs.getString("role"))))
                .list();
    }

    /** Members whose account is active: the ones work can be given to. */
    @Transactional(readOnly = true)
    public List<OrganisationMember> active(UUID organisationId) {
        return jdbc.sql("""
                        SELECT a.id, a.display_name, a.email, m.role FROM membership m
                        JOIN user_account a ON a.id = m.user_account_id
                        WHERE m.organisation_id = :org AND a.enabled = TRUE
                        ORDER BY a.display_name, a.email
                        """)
                .param("org", organisationId)
                .query((rs, row) -> new OrganisationMember(
                        rs.getObject("id", UUID.class),
                        rs.getString("display_name"),
                        rs.getString("email"),
                        OrganisationRole.valueOf(rs.getString("role"))))
                .list();
    }

    public Optional<OrganisationMember> activeMember(UUID organisationId, UUID accountId) {
        return active(organisationId).stream()
                .filter(m -> m.accountId().equals(accountId))
                .findFirst();
    }
}
