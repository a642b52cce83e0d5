package be.bolwerk.audittrail.recording;

import be.bolwerk.audittrail.AuditEventType;
import be.bolwerk.audittrail.chain.Actors;
import be.bolwerk.audittrail.chain.AuditTrail;
import be.bolwerk.audittrail.chain.Details;
import be.bolwerk.identity.event.PasswordResetRequested;
import be.bolwerk.identity.event.SecondFactorRefused;
import be.bolwerk.identity.event.SignInAttemptsRefused;
import be.bolwerk.shared.BelgianTime;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Map;
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

    /** The forms that ask for a second factor, by the name the identity module gives them, to message keys. */
    private static final Map<String, String> WHERE =
            Map.of("sign-in", "signIn", "proof", "proof", "password reset", "passwordReset");

    private static final Map<String, String> STEPS = Map.of("password", "password", "second factor", "secondFactor");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

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
        String reason = event.getException().getClass().getSimpleName();
        trail.appendAlone(
                AuditEventType.SIGN_IN_FAILED,
                false,
                Actors.of(event.getAuthentication(), typed),
                null,
                Details.of("audit.detail.signInFailed", Details.term("audit.reason." + reason, reason)));
    }

    /** A wrong authenticator or recovery code; the password step before it had succeeded (or a reset link). */
    @EventListener
    void on(SecondFactorRefused event) {
        trail.appendAlone(
                AuditEventType.SECOND_FACTOR_FAILED,
                false,
                new AuditTrail.Actor(event.accountId(), event.email(), event.clientAddress()),
                null,
                Details.about(
                        Map.of("account", event.accountId()),
                        "audit.detail.secondFactorFailed",
                        Details.term(
                                "audit.where." + WHERE.getOrDefault(event.where(), event.where()), event.where())));
    }

    /** One row per throttle key and minute at most, however many attempts the throttle turned away. */
    @EventListener
    void on(SignInAttemptsRefused event) {
        trail.appendAlone(
                AuditEventType.SIGN_IN_REFUSED,
                false,
                new AuditTrail.Actor(null, event.account(), event.clientAddress()),
                null,
                Details.of(
                        "audit.detail.signInRefused",
                        event.attempts(),
                        Details.term("audit.step." + STEPS.getOrDefault(event.step(), event.step()), event.step()),
                        time(event.from()),
                        time(event.to())));
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
                Details.of(event.linkSent() ? "audit.detail.resetLinkSent" : "audit.detail.resetLinkNotSent"));
    }

    @EventListener
    void on(LogoutSuccessEvent event) {
        trail.appendAlone(AuditEventType.SIGN_OUT, true, Actors.of(event.getAuthentication(), null), null, null);
    }

    /** Belgian time to the second, as the admin compares it with the other rows. */
    private static String time(Instant instant) {
        return TIME.format(instant.atZone(BelgianTime.ZONE));
    }
}
