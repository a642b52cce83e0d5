package be.bolwerk.audittrail.recording;

import be.bolwerk.audittrail.AuditEventType;
import be.bolwerk.audittrail.chain.Actors;
import be.bolwerk.audittrail.chain.AuditTrail;
import be.bolwerk.identity.event.PasswordResetRequested;
import be.bolwerk.identity.event.SecondFactorRefused;
import be.bolwerk.identity.event.SignInAttemptsRefused;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Records sign-ins, failed sign-ins and sign-outs as Spring Security announces them, and the attempts the
 * identity module announces itself: wrong second-factor codes, throttled attempts (summarised) and requests for
 * a password-reset link. Each in a transaction of its own, so that a refused attempt leaves its row.
 */
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

    /** A wrong authenticator or recovery code; the password step before it had succeeded (or a reset link). */
    @EventListener
    void on(SecondFactorRefused event) {
        trail.appendAlone(
                AuditEventType.SECOND_FACTOR_FAILED,
                false,
                new AuditTrail.Actor(event.accountId(), event.email(), event.clientAddress()),
                null,
                event.where());
    }

    /** One row per throttle key and minute at most, however many attempts the throttle turned away. */
    @EventListener
    void on(SignInAttemptsRefused event) {
        trail.appendAlone(
                AuditEventType.SIGN_IN_REFUSED,
                false,
                new AuditTrail.Actor(null, event.account(), event.clientAddress()),
                null,
                "%d refused %s attempt(s) between %s and %s"
                        .formatted(event.attempts(), event.step(), event.from(), event.to()));
    }

    /** Whether a link went out is recorded for the admin, never shown to the person asking. */
    @EventListener
    void on(PasswordResetRequested event) {
        AuditTrail.Actor current = Actors.current();
        trail.appendAlone(
                AuditEventType.PASSWORD_RESET_REQUESTED,
                true,
                new AuditTrail.Actor(null, event.email(), current.clientAddress()),
                null,
                event.linkSent() ? "link sent" : "no link sent");
    }

    @EventListener
    void on(LogoutSuccessEvent event) {
        trail.appendAlone(AuditEventType.SIGN_OUT, true, Actors.of(event.getAuthentication(), null), null, null);
    }
}
