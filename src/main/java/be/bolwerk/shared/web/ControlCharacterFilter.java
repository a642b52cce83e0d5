package be.bolwerk.shared.web;

import be.bolwerk.shared.UploadRefused;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

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

    ControlCharacterFilter(ApplicationEventPublisher events) {
        this.events = events;
    }

    private static void refuseUnreadable(HttpServletRequest request, HttpServletResponse response, boolean tooLarge)
            throws IOException {
        int status = tooLarge ? 413 : HttpServletResponse.SC_BAD_REQUEST;
        String title = tooLarge ? "Bestand te groot" : "Ongeldige aanvraag";
        String detail = tooLarge
                ? "Het bestand is groter dan toegelaten (hoogstens 20 MB voor een raamwerk of werkboek, 10 MB voor"
                        + " bewijs). Er is niets opgeslagen."
                : "De aanvraag kon niet worden gelezen. Er is niets opgeslagen.";
        response.setStatus(status);
        response.setCharacterEncoding("UTF-8");
        // The body was not read to its end; the connection is not reused for another request.
        response.setHeader("Connection", "close");
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            response.setContentType("application/problem+json");
            response.getWriter()
                    .write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status
                            + ",\"detail\":\"" + detail + "\"}");
            return;
        }
        String context = request.getContextPath();
        response.setContentType("text/html");
        response.getWriter()
                .write("<!DOCTYPE html><html lang=\"nl\"><head><meta charset=\"UTF-8\"><title>" + title
                        + " — Bolwerk</title><link rel=\"stylesheet\" href=\"" + context + "/css/bolwerk.css\"></head>"
                        + "<body><main id=\"main\" class=\"narrow\"><h1>" + title + "</h1><p>" + detail
                        + " Ga terug en kies een kleiner bestand.</p><p><a class=\"button\" href=\"" + context
                        + "/\">Naar de startpagina</a></p></main></body></html>");
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
                events.publishEvent(
                        new UploadRefused(request.getRequestURI(), "too large", null, null, request.getRemoteAddr()));
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
