package be.bolwerk.identity.signin;

import be.bolwerk.identity.factor.SecondFactorChecks;
import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpMethod;
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
        // A wait that began between ThrottleFilter and the check (a parallel request) ends up here
        // too: the context is already cleared, so it is answered like a wrong code.
        filter.setFailureHandler(new SimpleUrlAuthenticationFailureHandler("/mfa?error"));
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
