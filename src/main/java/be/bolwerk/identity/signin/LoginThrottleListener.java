package be.bolwerk.identity.signin;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/** Feeds Spring Security's sign-in outcomes to the {@link LoginThrottle}. */
@Component
class LoginThrottleListener {

    private final LoginThrottle throttle;

    LoginThrottleListener(LoginThrottle throttle) {
        this.throttle = throttle;
    }

    @EventListener
    void on(AbstractAuthenticationFailureEvent event) {
        throttle.failed(event.getAuthentication().getName(), addressOf(event.getAuthentication()));
    }

    @EventListener
    void on(AuthenticationSuccessEvent event) {
        throttle.succeeded(
                LoginThrottle.Step.PASSWORD, event.getAuthentication().getName(), addressOf(event.getAuthentication()));
    }

    private static String addressOf(Authentication authentication) {
        return authentication.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress()
                : null;
    }
}
