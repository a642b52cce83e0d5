package be.bolwerk.identity;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.authentication.AuthenticationFilter;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * {@code POST /mfa/code}: Spring Security's generic authentication filter with our provider, the intended
 * extension point for a factor it does not ship. Three settings matter and are easy to miss: factor merging
 * is switched on by hand (this filter is no bean), the context goes to the session, and success stops the
 * chain after the redirect.
 */
final class SecondFactorFilter {

    private SecondFactorFilter() {}

    static final String WAIT_ATTRIBUTE = SecondFactorFilter.class.getName() + ".wait";

    static AuthenticationFilter create(
            SecondFactorChecks checks, UserDetailsService users, SecurityContextRepository contexts) {
        AuthenticationFilter filter = new AuthenticationFilter(
                new ProviderManager(new SecondFactorProvider(checks, users)), SecondFactorFilter::convert);
        filter.setRequestMatcher(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/mfa/code"));
        filter.setMfaEnabled(true);
        filter.setSecurityContextRepository(contexts);
        SavedRequestAwareAuthenticationSuccessHandler savedRequest =
                new SavedRequestAwareAuthenticationSuccessHandler();
        filter.setSuccessHandler(new AuthenticationSuccessHandler() {
            @Override
            public void onAuthenticationSuccess(
                    HttpServletRequest request,
                    HttpServletResponse response,
                    FilterChain chain,
                    Authentication authentication)
                    throws IOException, jakarta.servlet.ServletException {
                onAuthenticationSuccess(request, response, authentication);
            }

            @Override
            public void onAuthenticationSuccess(
                    HttpServletRequest request, HttpServletResponse response, Authentication authentication)
                    throws IOException, jakarta.servlet.ServletException {
                savedRequest.onAuthenticationSuccess(request, response, authentication);
            }
        });
        SimpleUrlAuthenticationFailureHandler wrongCode = new SimpleUrlAuthenticationFailureHandler("/mfa?error");
        filter.setFailureHandler((request, response, exception) -> {
            if (exception instanceof SecondFactorThrottled throttled) {
                // Like the password step: 429, Retry-After, and the second-factor page saying how long to wait.
                long seconds = Math.max(1, throttled.waitFor().toSeconds());
                response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
                response.setHeader("Retry-After", Long.toString(seconds));
                request.setAttribute(WAIT_ATTRIBUTE, seconds);
                request.getRequestDispatcher("/mfa/throttled").forward(request, response);
            } else {
                wrongCode.onAuthenticationFailure(request, response, exception);
            }
        });
        return filter;
    }

    /** Only someone past the password step may try a code, and only for their own account. */
    private static Authentication convert(HttpServletRequest request) {
        Authentication current = SecurityContextHolder.getContext().getAuthentication();
        boolean pastPassword = current != null
                && current.getAuthorities().stream()
                        .anyMatch(a -> FactorGrantedAuthority.PASSWORD_AUTHORITY.equals(a.getAuthority()));
        if (!pastPassword) {
            throw new BadCredentialsException("password first");
        }
        return new SecondFactorCode(current.getName(), request.getParameter("code"), request.getRemoteAddr());
    }
}
