package be.bolwerk.findings.api;

import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Checks a request body's Bean Validation constraints after the finding was loaded for the caller, so that another
 * organisation's id is a 404 whatever the body says; a broken constraint is a 400 that names each field.
 */
@Component
class Bodies {

    private final Validator validator;
    private final MessageSource messages;

    Bodies(Validator validator, MessageSource messages) {
        this.validator = validator;
        this.messages = messages;
    }

    /** A field that this use needs although the body's type lets it be empty. */
    ApiProblem missing(String field) {
        return ApiProblem.invalid(List.of(new ApiProblem.FieldError(
                field, messages.getMessage("validation.required", null, LocaleContextHolder.getLocale()))));
    }

    <T> T check(T body) {
        List<ApiProblem.FieldError> errors = validator.validate(body).stream()
                .map(v -> new ApiProblem.FieldError(v.getPropertyPath().toString(), v.getMessage()))
                .sorted(Comparator.comparing(ApiProblem.FieldError::field))
                .toList();
        if (!errors.isEmpty()) {
            throw ApiProblem.invalid(errors);
        }
        return body;
    }
}
