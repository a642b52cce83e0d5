package be.bolwerk.assessment.web;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;

/**
 * The message keys of a form record's validation errors, in the order of its fields (Bean Validation itself
 * reports them in no particular order), so the page lists them as the form shows its fields.
 */
final class FormProblems {

    private FormProblems() {}

    static List<String> of(BindingResult binding, Class<? extends Record> form) {
        return Arrays.stream(form.getRecordComponents())
                .flatMap(component -> binding.getFieldErrors(component.getName()).stream())
                .map(FieldError::getDefaultMessage)
                .filter(Objects::nonNull)
                .distinct()
                .toList();
    }
}
