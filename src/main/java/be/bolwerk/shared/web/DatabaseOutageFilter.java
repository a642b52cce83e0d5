package be.bolwerk.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers 503 when the database cannot be reached, instead of a 500 after a long wait. It sits in front of
 * Spring Session's filter, because a signed-in request already fails there, loading its session, before
 * Spring Security or MVC run. The response is written here and not through /error: the error dispatch would
 * pass the session and security filters again, wait for the database a second time and then fail anyway.
 * Hence a page of its own that needs no session, no CSRF token and no database; the security headers that
 * Spring Security would have added are set here.
 */
class DatabaseOutageFilter extends OncePerRequestFilter {

    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'self'; img-src 'self'; "
            + "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private static final Logger log = LoggerFactory.getLogger(DatabaseOutageFilter.class);

    private final ITemplateEngine templates;
    private final LocaleResolver locales;
    private final JsonMapper json;
    private final MessageSource messages;

    DatabaseOutageFilter(ITemplateEngine templates, LocaleResolver locales, JsonMapper json, MessageSource messages) {
        this.templates = templates;
        this.locales = locales;
        this.json = json;
        this.messages = messages;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException failure) {
            if (!DatabaseOutage.causes(failure) || response.isCommitted()) {
                throw failure;
            }
            // The class only: the message of a connection failure can carry host names and user names.
            log.warn(
                    "Database unavailable for {} {}: {}",
                    request.getMethod(),
                    request.getRequestURI(),
                    failure.getClass().getSimpleName());
            answer(request, response);
        }
    }

    private void answer(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.resetBuffer();
        response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
        response.setHeader("Retry-After", "10");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        // MVC has not run, so the language is resolved here, the same way it would have.
        Locale locale = locales.resolveLocale(request);
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.getWriter()
                    .write(json.writeValueAsString(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, messages, locale)));
            return;
        }
        response.setContentType(MediaType.TEXT_HTML_VALUE);
        response.getWriter().write(templates.process("error/page", new Context(locale, Map.of("status", 503))));
    }
}
