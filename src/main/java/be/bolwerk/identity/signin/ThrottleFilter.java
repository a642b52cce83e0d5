package be.bolwerk.identity.signin;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Stops a sign-in step before its password or code is looked at while the account or the address must wait:
 * 429 with a Retry-After header, forwarded to the step's own page, which says how long (the same for every
 * account). One filter per step: {@link #password} in front of the password check, {@link #secondFactor} in
 * front of the code check, where it must be a filter rather than a failure handler because Spring's
 * authentication filter clears the security context before it calls the failure handler, and the forwarded page
 * needs the password step to be known.
 */
public final class ThrottleFilter extends OncePerRequestFilter {

    /** The seconds to wait, as a {@code Long}, for the page the filter forwards to. */
    public static final String WAIT_ATTRIBUTE = ThrottleFilter.class.getName() + ".wait";

    private final LoginThrottle throttle;
    private final LoginThrottle.Step step;
    private final String path;
    private final String waitPage;
    /** Whose attempt this is; empty when the step does not apply (then the filter lets it through). */
    private final Function<HttpServletRequest, Optional<String>> account;

    private ThrottleFilter(
            LoginThrottle throttle,
            LoginThrottle.Step step,
            String path,
            String waitPage,
            Function<HttpServletRequest, Optional<String>> account) {
        this.throttle = throttle;
        this.step = step;
        this.path = path;
        this.waitPage = waitPage;
        this.account = account;
    }

    /** {@code POST /login}: the typed address counts, known or not, so the answer tells nothing about it. */
    static ThrottleFilter password(LoginThrottle throttle) {
        return new ThrottleFilter(
                throttle,
                LoginThrottle.Step.PASSWORD,
                "/login",
                "/login/throttled",
                request -> Optional.of(Objects.requireNonNullElse(request.getParameter("email"), "")));
    }

    /**
     * {@code POST /mfa/code}: the account that gave its password. Without a password step there is nothing to
     * throttle; {@link SecondFactorFilter} refuses such a request without checking any code.
     */
    static ThrottleFilter secondFactor(LoginThrottle throttle) {
        return new ThrottleFilter(
                throttle, LoginThrottle.Step.SECOND_FACTOR, "/mfa/code", "/mfa/throttled", request -> {
                    Authentication current = SecurityContextHolder.getContext().getAuthentication();
                    boolean pastPassword = current != null
                            && current.getAuthorities().stream()
                                    .anyMatch(a -> FactorGrantedAuthority.PASSWORD_AUTHORITY.equals(a.getAuthority()));
                    return pastPassword ? Optional.of(current.getName()) : Optional.empty();
                });
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String requested =
                request.getRequestURI().substring(request.getContextPath().length());
        return !("POST".equals(request.getMethod()) && path.equals(requested));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<Duration> wait = account.apply(request)
                .flatMap(name -> throttle.refuseWhileWaiting(step, name, request.getRemoteAddr()));
        if (wait.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        long seconds = Math.max(1, wait.get().toSeconds());
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader("Retry-After", Long.toString(seconds));
        request.setAttribute(WAIT_ATTRIBUTE, seconds);
        request.getRequestDispatcher(waitPage).forward(request, response);
    }
}
