package be.bolwerk.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Stops {@code POST /mfa/code} before the code is looked at while the account or the address must wait: 429
 * with Retry-After and the second-factor page saying how long. A filter in front of {@link SecondFactorFilter}
 * rather than its failure handler, because Spring's authentication filter clears the security context before it
 * calls the failure handler, and the forwarded page needs the password step to be known.
 */
class SecondFactorThrottleFilter extends OncePerRequestFilter {

    static final String WAIT_ATTRIBUTE = SecondFactorThrottleFilter.class.getName() + ".wait";

    private final LoginThrottle throttle;

    SecondFactorThrottleFilter(LoginThrottle throttle) {
        this.throttle = throttle;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !("POST".equals(request.getMethod()) && "/mfa/code".equals(path));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication current = SecurityContextHolder.getContext().getAuthentication();
        boolean pastPassword = current != null
                && current.getAuthorities().stream()
                        .anyMatch(a -> FactorGrantedAuthority.PASSWORD_AUTHORITY.equals(a.getAuthority()));
        if (!pastPassword) {
            // SecondFactorFilter refuses it without checking any code.
            chain.doFilter(request, response);
            return;
        }
        Optional<Duration> wait = throttle.refuseWhileWaiting(
                LoginThrottle.Step.SECOND_FACTOR, current.getName(), request.getRemoteAddr());
        if (wait.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        long seconds = Math.max(1, wait.get().toSeconds());
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader("Retry-After", Long.toString(seconds));
        request.setAttribute(WAIT_ATTRIBUTE, seconds);
        request.getRequestDispatcher("/mfa/throttled").forward(request, response);
    }
}
