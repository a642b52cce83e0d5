package be.bolwerk.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Stops a sign-in attempt before the password is checked while the account or the address must wait. The
 * answer is 429 with a Retry-After header and the login page saying how long, the same for every account.
 */
class LoginThrottleFilter extends OncePerRequestFilter {

    static final String WAIT_ATTRIBUTE = LoginThrottleFilter.class.getName() + ".wait";

    private final LoginThrottle throttle;

    LoginThrottleFilter(LoginThrottle throttle) {
        this.throttle = throttle;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !("POST".equals(request.getMethod()) && "/login".equals(path));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<Duration> wait = throttle.refuseWhileWaiting(
                LoginThrottle.Step.PASSWORD, request.getParameter("email"), request.getRemoteAddr());
        if (wait.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        long seconds = Math.max(1, wait.get().toSeconds());
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader("Retry-After", Long.toString(seconds));
        request.setAttribute(WAIT_ATTRIBUTE, seconds);
        request.getRequestDispatcher("/login/throttled").forward(request, response);
    }
}
