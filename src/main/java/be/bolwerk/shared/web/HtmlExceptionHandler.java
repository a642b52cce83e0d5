package be.bolwerk.shared.web;

import be.bolwerk.shared.NotFound;
import be.bolwerk.shared.NotFoundAnswered;
import be.bolwerk.shared.Refusal;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Turns business refusals on HTML pages into the error pages, in the reader's language. A malformed id in a path is answered like
 * an unknown one: for the person there is no difference.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class HtmlExceptionHandler {

    private final ApplicationEventPublisher events;

    HtmlExceptionHandler(ApplicationEventPublisher events) {
        this.events = events;
    }

    /** Announced for the audit trail; the page is the same whatever the reason. */
    @ExceptionHandler(NotFound.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(NotFound missing, HttpServletRequest request, Model model) {
        events.publishEvent(new NotFoundAnswered(
                request.getMethod(), request.getRequestURI(), missing.getClass().getSimpleName()));
        model.addAttribute("status", 404);
        return "error/page";
    }

    /**
     * A refusal no controller turned into a form message: the error page says which rule refused, in the
     * reader's language, with the status of its kind.
     */
    @ExceptionHandler(Refusal.class)
    String refused(Refusal refusal, HttpServletResponse response, Model model) {
        response.setStatus(refusal.kind().status());
        model.addAttribute("problem", refusal.messageKey());
        model.addAttribute("problemArguments", refusal.arguments());
        model.addAttribute("status", 400);
        return "error/page";
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String malformedId(Model model) {
        model.addAttribute("status", 404);
        return "error/page";
    }
}
