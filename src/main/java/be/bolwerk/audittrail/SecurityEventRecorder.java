package be.bolwerk.audittrail;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.stereotype.Component;

/** Records sign-ins, failed sign-ins and sign-outs as Spring Security announces them. */
@Component
class SecurityEventRecorder {

    private final AuditTrail trail;

    SecurityEventRecorder(AuditTrail trail) {
        this.trail = trail;
    }

    @EventListener
    void on(AuthenticationSuccessEvent event) {
        trail.appendAlone(AuditEventType.SIGN_IN, true, Actors.of(event.getAuthentication(), null), null, null);
    }

    /** The name typed is kept as the actor: repeated failures for one account are what an admin looks for. */
    @EventListener
    void on(AbstractAuthenticationFailureEvent event) {
        String typed = event.getAuthentication().getName();
        trail.appendAlone(
                AuditEventType.SIGN_IN_FAILED,
                false,
                Actors.of(event.getAuthentication(), typed),
                null,
                event.getException().getClass().getSimpleName());
    }

    @EventListener
    void on(LogoutSuccessEvent event) {
        trail.appendAlone(AuditEventType.SIGN_OUT, true, Actors.of(event.getAuthentication(), null), null, null);
    }
}
