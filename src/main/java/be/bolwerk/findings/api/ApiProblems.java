package be.bolwerk.findings.api;

import java.net.URI;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The write API's own problems as RFC 9457 problem+json in the caller's language, with a type per kind and, for an
 * invalid body, the fields ({@code errors}). Refusals of the domain keep their one mapping in {@code shared.web}.
 */
@RestControllerAdvice(assignableTypes = {FindingWriteApiController.class, FindingActionApiController.class})
class ApiProblems {

    private final MessageSource messages;

    ApiProblems(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<ProblemDetail> problem(ApiProblem problem) {
        var locale = LocaleContextHolder.getLocale();
        HttpStatus status = HttpStatus.valueOf(problem.kind().status);
        ProblemDetail body = ProblemDetail.forStatusAndDetail(
                status, messages.getMessage(problem.kind().key + ".detail", null, locale));
        body.setTitle(messages.getMessage(problem.kind().key, null, locale));
        body.setType(URI.create(problem.kind().type()));
        if (!problem.errors().isEmpty()) {
            body.setProperty("errors", problem.errors());
        }
        return ResponseEntity.status(status).body(body);
    }
}
