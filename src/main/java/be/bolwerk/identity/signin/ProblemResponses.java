package be.bolwerk.identity.signin;

import be.bolwerk.shared.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * Security refusals of the API as problem+json, before any controller is reached. The texts come from the message
 * bundles in the caller's language; the locale resolver is asked directly because these filters run before the
 * dispatcher servlet sets the locale.
 */
@Component
public class ProblemResponses {

    private final JsonMapper json;
    private final MessageSource messages;
    private final LocaleResolver locales;

    ProblemResponses(JsonMapper json, MessageSource messages, LocaleResolver locales) {
        this.json = json;
        this.messages = messages;
        this.locales = locales;
    }

    public void unauthenticated(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        write(response, problem(HttpStatus.UNAUTHORIZED, request));
    }

    public void forbidden(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        write(response, problem(HttpStatus.FORBIDDEN, request));
    }

    private ProblemDetail problem(HttpStatus status, HttpServletRequest request) {
        Locale locale = locales.resolveLocale(request);
        String key = "api.problem." + status.value();
        return Problems.of(
                status, messages.getMessage(key, null, locale), messages.getMessage(key + ".detail", null, locale));
    }

    /** Written as a map: the servlet filters run before Spring MVC's problem-detail serialisation exists. */
    private void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), body);
    }
}
