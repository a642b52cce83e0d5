package be.bolwerk.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
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
            // before Spring MVC could turn it into a page. It answers 413 through the error page instead.
            response.sendError(tooLarge(unreadable) ? 413 : HttpServletResponse.SC_BAD_REQUEST);
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
