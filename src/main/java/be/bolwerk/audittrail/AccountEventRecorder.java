package be.bolwerk.audittrail;

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
}
