package be.bolwerk.identity.account;

import be.bolwerk.identity.event.PlatformAdminEnrolmentIssued;
import be.bolwerk.identity.membership.PersonaInvitations;
import be.bolwerk.shared.security.Persona;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The first-run path of a production installation: an enrolment link for a platform admin, which is an
 * invitation to the PLATFORM_ADMIN persona. Whoever opens it chooses a password (the policy applies) and enrols
 * the authenticator at the first sign-in, like every invitee. Once a platform admin exists, only {@code force}
 * issues another (for an installation that lost its admins); every link issued is audited.
 */
@Component
class FirstPlatformAdmin {

    /** What came of the request; {@code link} only when issued. */
    record Outcome(Result result, String link) {}

    enum Result {
        ISSUED,
        ADMIN_EXISTS,
        INVALID_ADDRESS
    }

    // The same shape the invitation forms accept; the command line has no bean validation.
    private static final Pattern ADDRESS = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+$");

    private final JdbcClient jdbc;
    private final PersonaInvitations invitations;
    private final ApplicationEventPublisher events;

    FirstPlatformAdmin(JdbcClient jdbc, PersonaInvitations invitations, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.invitations = invitations;
        this.events = events;
    }

    @Transactional
    Outcome issue(String email, boolean force) {
        if (email == null
                || email.length() > 254
                || !ADDRESS.matcher(email.strip()).matches()) {
            return new Outcome(Result.INVALID_ADDRESS, null);
        }
        boolean exists = adminExists();
        if (exists && !force) {
            return new Outcome(Result.ADMIN_EXISTS, null);
        }
        PersonaInvitations.Issued issued = invitations.issue(null, email.strip(), Persona.PLATFORM_ADMIN, null);
        events.publishEvent(new PlatformAdminEnrolmentIssued(issued.id(), exists));
        return new Outcome(Result.ISSUED, invitations.link(issued.token()));
    }

    /** An account that holds the persona and may still sign in. */
    @Transactional(readOnly = true)
    boolean adminExists() {
        return jdbc.sql("""
                        SELECT COUNT(*) FROM programme_role r JOIN user_account a ON a.id = r.user_account_id
                        WHERE r.role = 'PLATFORM_ADMIN' AND a.enabled = TRUE
                        """).query(Long.class).single() > 0;
    }
}
