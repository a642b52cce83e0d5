package be.bolwerk.identity.token;

import be.bolwerk.identity.account.UserAccounts;
import be.bolwerk.identity.signin.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.AuthenticationFilter;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/** The two filters that let API clients use personal tokens: authentication, then the scope check. */
public final class ApiTokenFilters {

    private static final Set<String> READING = Set.of("GET", "HEAD", "OPTIONS");

    /** Requests that carry {@code Authorization: Bearer ...}; browsers never add that header by themselves. */
    public static final RequestMatcher BEARER = request -> {
        String header = request.getHeader("Authorization");
        return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7);
    };

    private ApiTokenFilters() {}

    /** Stateless: the token authenticates this request only; no session is created for it. */
    public static AuthenticationFilter authentication(
            ApiTokens tokens, UserAccounts accounts, ProblemResponses problems) {
        AuthenticationFilter filter = new AuthenticationFilter(
                new ProviderManager(new ApiTokenProvider(tokens, accounts)),
                request -> BEARER.matches(request)
                        ? new ApiTokenAuthentication.Request(
                                request.getHeader("Authorization").substring(7).strip())
                        : null);
        filter.setRequestMatcher(BEARER);
        filter.setSuccessHandler((request, response, authentication) -> {});
        filter.setFailureHandler(problems::unauthenticated);
        return filter;
    }

    /** A read-only token may read, nothing else. */
    public static OncePerRequestFilter scope(ProblemResponses problems) {
        return new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                Authentication authentication =
                        SecurityContextHolder.getContext().getAuthentication();
                if (authentication instanceof ApiTokenAuthentication
                        && !READING.contains(request.getMethod())
                        && authentication.getAuthorities().stream()
                                .noneMatch(a -> ApiTokenAuthentication.SCOPE_WRITE.equals(a.getAuthority()))) {
                    problems.forbidden(request, response, null);
                    return;
                }
                chain.doFilter(request, response);
            }
        };
    }
}
