package be.bolwerk.identity.factor;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Spring Security's passkey registration filter lets a failed attestation check escape as an exception, which
 * would reach the person as a server error. What the browser sent is input like any other: a refused passkey
 * answers 400 with a problem+json body, and the exception is logged without the request body.
 */
public final class PasskeyRegistrationGuard extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(PasskeyRegistrationGuard.class);
    private static final RequestMatcher REGISTER =
            PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/webauthn/register");

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !REGISTER.matches(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (RuntimeException refused) {
            log.info("Passkey registration refused: {}", refused.getClass().getSimpleName());
            if (response.isCommitted()) {
                throw refused;
            }
            response.resetBuffer();
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            response.getWriter()
                    .write("{\"type\":\"about:blank\",\"title\":\"Passkey niet aanvaard\",\"status\":400,"
                            + "\"detail\":\"De passkey kon niet worden geregistreerd. Probeer het opnieuw.\"}");
        }
    }
}
