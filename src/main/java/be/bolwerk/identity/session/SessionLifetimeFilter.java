package be.bolwerk.identity.session;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a session that has lasted longer than the absolute limit (ASVS 7.3.2), however active it was: the
 * idle timeout alone would let a session live for ever. The person signs in again.
 */
public class SessionLifetimeFilter extends OncePerRequestFilter {

    static final Duration ABSOLUTE_LIMIT = Duration.ofHours(12);

    private final Clock clock;

    public SessionLifetimeFilter(Clock clock) {
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session != null && clock.millis() - session.getCreationTime() > ABSOLUTE_LIMIT.toMillis()) {
            session.invalidate();
            SecurityContextHolder.clearContext();
            if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
                response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
            } else {
                response.sendRedirect(request.getContextPath() + "/login?expired");
            }
            return;
        }
        chain.doFilter(request, response);
    }
}
