package be.bolwerk.shared.web;

import be.bolwerk.shared.NotFound;
import be.bolwerk.shared.NotFoundAnswered;
import be.bolwerk.shared.Refusal;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * RFC 9457 problem details for every error of the JSON API. Framework exceptions (bad media type, missing
 * parameter, validation) are handled by the base class, which reads their texts from the bundles under its own
 * codes ({@code problemDetail.title.<exception>} and {@code problemDetail.<exception>}); business refusals are
 * mapped here. Titles and details
 * come from the message bundles ({@code api.problem.*}) in the caller's language and never carry an exception's
 * own text.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private final ApplicationEventPublisher events;
    private final MessageSource messages;

    ApiExceptionHandler(ApplicationEventPublisher events, MessageSource messages) {
        this.events = events;
        this.messages = messages;
    }

    /** The one mapping of a business refusal to problem+json, in the caller's language. */
    @ExceptionHandler(Refusal.class)
    ResponseEntity<ProblemDetail> refused(Refusal refusal) {
        HttpStatus status = HttpStatus.valueOf(refusal.kind().status());
        var locale = LocaleContextHolder.getLocale();
        ProblemDetail problem = Problems.of(
                status,
                messages.getMessage("api.problem." + status.value(), null, locale),
                messages.getMessage(refusal.messageKey(), refusal.arguments(), locale));
        return ResponseEntity.status(status).body(problem);
    }

    /** Announced for the audit trail; the problem is the same whatever the reason. */
    @ExceptionHandler(NotFound.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    ProblemDetail notFound(NotFound missing, HttpServletRequest request) {
        events.publishEvent(new NotFoundAnswered(
                request.getMethod(), request.getRequestURI(), missing.getClass().getSimpleName()));
        return Problems.of(HttpStatus.NOT_FOUND, messages);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    @ResponseStatus(HttpStatus.BAD_REQUEST)
    ProblemDetail malformedParameter(MethodArgumentTypeMismatchException exception) {
        var locale = LocaleContextHolder.getLocale();
        return Problems.of(
                HttpStatus.BAD_REQUEST,
                messages.getMessage("api.problem.parameter", null, locale),
                messages.getMessage("api.problem.parameter.detail", new Object[] {exception.getName()}, locale));
    }

    @ExceptionHandler(AccessDeniedException.class)
    @ResponseStatus(HttpStatus.FORBIDDEN)
    ProblemDetail forbidden() {
        return Problems.of(HttpStatus.FORBIDDEN, messages);
    }
}
