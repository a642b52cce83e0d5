package be.bolwerk.shared.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * Replaces Spring Boot's error controller. Whatever failed — a missing page, a refused request, an exception
 * in a filter — the person sees a page in their language without technical detail and an API client gets
 * problem+json with the bundle's texts of the status ({@link Problems#of(HttpStatus, MessageSource)}).
 * The exception itself is logged by the framework; nothing of it reaches the response.
 */
@Controller
class ErrorPageController implements ErrorController {

    private final MessageSource messages;

    ErrorPageController(MessageSource messages) {
        this.messages = messages;
    }

    @RequestMapping("/error")
    Object error(HttpServletRequest request) {
        HttpStatus status = statusOf(request);
        String uri = (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (uri != null && uri.startsWith(request.getContextPath() + "/api/")) {
            return ResponseEntity.status(status)
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(Problems.of(status, messages));
        }
        ModelAndView page = new ModelAndView("error/page");
        page.setStatus(status);
        page.addObject("status", pageOf(status));
        page.addObject("requestPath", pathOf(uri, request.getContextPath()));
        return page;
    }

    /**
     * The path the language links point back to. A refused request may carry a path like {@code //evil.invalid/},
     * which a link would read as another host: anything but a plain local path becomes the start page.
     */
    private static String pathOf(String uri, String contextPath) {
        if (uri == null || !uri.startsWith(contextPath)) {
            return "/";
        }
        String path = uri.substring(contextPath.length());
        boolean local = path.startsWith("/") && !path.startsWith("//") && path.indexOf('\\') < 0;
        return local ? path : "/";
    }

    private static HttpStatus statusOf(HttpServletRequest request) {
        // Normally DatabaseOutageFilter answers first; this covers a failure that reaches the container anyway.
        if (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable failure
                && DatabaseOutage.causes(failure)) {
            return HttpStatus.SERVICE_UNAVAILABLE;
        }
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value ? HttpStatus.resolve(value) : null;
        return status != null ? status : HttpStatus.INTERNAL_SERVER_ERROR;
    }

    /** Which of the error page's texts (error.STATUS.title/text) the person reads. */
    private static int pageOf(HttpStatus status) {
        return switch (status) {
            case FORBIDDEN -> 403;
            case NOT_FOUND, METHOD_NOT_ALLOWED -> 404;
            case SERVICE_UNAVAILABLE -> 503;
            default -> status.is4xxClientError() ? 400 : 500;
        };
    }
}
