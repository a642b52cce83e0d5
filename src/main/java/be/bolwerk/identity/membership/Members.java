package be.bolwerk.identity.membership;

import be.bolwerk.identity.account.UserAccount;
import be.bolwerk.identity.account.UserAccounts;
import be.bolwerk.identity.session.AccountSessions;
import be.bolwerk.shared.NotFound;
import be.bolwerk.shared.Refusal;
import be.bolwerk.shared.security.CurrentUser;
import be.bolwerk.shared.security.OrganisationRole;
import java.time.Clock;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An organisation admin's changes to the members of their organisation. The member's sessions end with the
 * change, because a session holds the roles it started with; nobody changes their own membership, so an
 * organisation never loses its last admin by accident.
 */
@Service
class Members {

    private final UserAccounts accounts;
    private final AccountSessions sessions;
    private final Clock clock;

    Members(UserAccounts accounts, AccountSessions sessions, Clock clock) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.clock = clock;
    }

    @Transactional
    void changeRole(CurrentUser admin, UUID accountId, UUID organisationId, OrganisationRole role) {
        UserAccount member = memberOfAdministeredOrganisation(accountId, organisationId, admin);
        if (member.id().equals(admin.id())) {
            throw Refusal.invalid("members.notYourself");
        }
        if (role == null) {
            throw Refusal.invalid("members.chooseRole");
        }
        member.changeRole(organisationId, role, clock.instant());
        accounts.save(member);
        sessions.endAll(member.email());
    }

    @Transactional
    void remove(CurrentUser admin, UUID accountId, UUID organisationId, boolean confirmed) {
        UserAccount member = memberOfAdministeredOrganisation(accountId, organisationId, admin);
        if (member.id().equals(admin.id())) {
            throw Refusal.invalid("members.notYourself");
        }
        if (!confirmed) {
            throw Refusal.invalid("users.confirmFirst");
        }
        member.leave(organisationId);
        accounts.save(member);
        sessions.endAll(member.email());
    }

    /**
     * The account, if the person administers the organisation and the account is a member of it; else 404.
     * Checked before anything else about the request, so a refusal never depends on what else was sent.
     */
    private UserAccount memberOfAdministeredOrganisation(UUID accountId, UUID organisationId, CurrentUser admin) {
        if (organisationId == null || !Invitations.mayInvite(admin, organisationId)) {
            throw new NotAnAdmin();
        }
        return accounts.findById(accountId)
                .filter(account -> account.isMemberOf(organisationId))
                .orElseThrow(NotAnAdmin::new);
    }

    /** Not an organisation this person administers, or not a member of it: the same answer. */
    static final class NotAnAdmin extends NotFound {
        NotAnAdmin() {
            super("Not an admin of this organisation, or not a member of it");
        }
    }
}
