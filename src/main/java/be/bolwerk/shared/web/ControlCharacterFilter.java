package be.bolwerk.shared.web;

import be.bolwerk.shared.UploadRefused;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses request parameters that contain control characters other than tab and line breaks, before anything
 * reads them — Spring Security's sign-in included. No form of ours expects them, and PostgreSQL refuses a NUL
 * in text outright, which would otherwise surface as a server error in whichever query met it first. The
 * answer is the ordinary 400 page (or problem+json under /api). JSON bodies get the same rule in
 * {@link ControlCharacterJson}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class ControlCharacterFilter extends OncePerRequestFilter {

    private final ApplicationEventPublisher events;
    private final MessageSource messages;
    private final LocaleResolver locales;
    private final JsonMapper json;

    ControlCharacterFilter(
            ApplicationEventPublisher events, MessageSource messages, LocaleResolver locales, JsonMapper json) {
        this.events = events;
        this.messages = messages;
        this.locales = locales;
        this.json = json;
    }

    /**
     * The texts come from the bundles in the reader's language, resolved here because MVC has not run; the page
     * is written by hand because the error dispatch cannot run on a body that could not be read (see below).
     */
    private void refuseUnreadable(HttpServletRequest request, HttpServletResponse response, boolean tooLarge)
            throws IOException {
        int status = tooLarge ? 413 : HttpServletResponse.SC_BAD_REQUEST;
        Locale locale = locales.resolveLocale(request);
        String key = tooLarge ? "upload.tooLarge" : "upload.unreadable";
        String title = messages.getMessage(key, null, locale);
        String detail = messages.getMessage(key + ".detail", null, locale);
        response.setStatus(status);
        response.setCharacterEncoding("UTF-8");
        // The body was not read to its end; the connection is not reused for another request.
        response.setHeader("Connection", "close");
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            response.setContentType("application/problem+json");
            response.getWriter().write(json.writeValueAsString(Problems.of(HttpStatus.valueOf(status), title, detail)));
            return;
        }
        String context = request.getContextPath();
        response.setContentType("text/html");
        response.getWriter()
                .write("<!DOCTYPE html><html lang=\"" + HtmlUtils.htmlEscape(locale.getLanguage(), "UTF-8")
                        + "\"><head>"
                        + "<meta charset=\"UTF-8\"><title>" + HtmlUtils.htmlEscape(title, "UTF-8")
                        + " — Bolwerk</title><link rel=\"stylesheet\" href=\"" + context + "/css/bolwerk.css\"></head>"
                        + "<body><main id=\"main\" class=\"narrow\"><h1>" + HtmlUtils.htmlEscape(title, "UTF-8")
                        + "</h1><p>"
                        + HtmlUtils.htmlEscape(detail + " " + messages.getMessage("upload.back", null, locale), "UTF-8")
                        + "</p><p><a class=\"button\" href=\"" + context + "/\">"
                        + HtmlUtils.htmlEscape(messages.getMessage("error.home", null, locale), "UTF-8")
                        + "</a></p></main></body></html>");
    }

    private static boolean tooLarge(Throwable problem) {
        for (Throwable cause = problem; cause != null; cause = cause.getCause()) {
            if (cause.getClass().getSimpleName().contains("SizeLimitExceeded")
                    || cause.getClass().getSimpleName().contains("SizeException")) {
                return true;
            }
        }
        return false;
    }

    static boolean isForbidden(char c) {
        return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f;
    }

    static boolean containsForbidden(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (isForbidden(value.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Map<String, String[]> parameters;
        try {
            parameters = request.getParameterMap();
        } catch (IllegalStateException unreadable) {
            // Reading the parameters parses a multipart body; an upload over the limit fails right here,
            // before Spring MVC. The answer is written here too: an error dispatch would make the next filter
            // (CSRF) parse the same body again and fail inside the error page.
            boolean tooLarge = tooLarge(unreadable);
            if (tooLarge) {
                // Before Spring Security: who sent it is not known yet, the address and the path are.
                events.publishEvent(new UploadRefused(
                        request.getRequestURI(), "too large", List.of(), null, null, request.getRemoteAddr()));
            }
            refuseUnreadable(request, response, tooLarge);
            return;
        }
        for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
            boolean bad = containsForbidden(parameter.getKey());
            for (String value : parameter.getValue()) {
                bad |= value != null && containsForbidden(value);
            }
            if (bad) {
                response.sendError(HttpServletResponse.SC_BAD_REQUEST);
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
