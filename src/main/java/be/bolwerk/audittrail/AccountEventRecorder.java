package be.bolwerk.audittrail;

import be.bolwerk.identity.ApiTokenCreated;
import be.bolwerk.identity.ApiTokenRevoked;
import be.bolwerk.identity.PasswordChanged;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Records changes to accounts, in the transaction of the change. */
@Component
class AccountEventRecorder {

    private final AuditTrail trail;

    AccountEventRecorder(AuditTrail trail) {
        this.trail = trail;
    }

    @EventListener
    void on(PasswordChanged event) {
        trail.append(AuditEventType.PASSWORD_CHANGED, true, Actors.current(), null, null);
    }

    @EventListener
    void on(ApiTokenCreated event) {
        trail.append(
                AuditEventType.TOKEN_CREATED,
                true,
                Actors.current(),
                null,
                "token " + event.tokenId() + " " + event.scope());
    }

    @EventListener
    void on(ApiTokenRevoked event) {
        trail.append(AuditEventType.TOKEN_REVOKED, true, Actors.current(), null, "token " + event.tokenId());
    }
}
