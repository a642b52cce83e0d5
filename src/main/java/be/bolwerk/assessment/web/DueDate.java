package be.bolwerk.assessment.web;

import be.bolwerk.shared.BelgianTime;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * A due date typed as {@code yyyy-MM-dd}, from today (in Belgium) up to five years ahead. A malformed date
 * and one out of range get different messages (bundle keys).
 */
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = DueDate.Check.class)
@interface DueDate {

    String message() default "assessment.action.dueInvalid";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Created by Spring's validator factory, so it gets the application's clock. */
    class Check implements ConstraintValidator<DueDate, String> {

        private final Clock clock;

        public Check(Clock clock) {
            this.clock = clock;
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            LocalDate due;
            try {
                due = value == null ? null : LocalDate.parse(value);
            } catch (DateTimeParseException malformed) {
                due = null;
            }
            if (due == null) {
                return false;
            }
            LocalDate today = BelgianTime.today(clock);
            if (due.isBefore(today) || due.isAfter(today.plusYears(5))) {
                context.disableDefaultConstraintViolation();
                context.buildConstraintViolationWithTemplate("assessment.action.dueOutOfRange")
                        .addConstraintViolation();
                return false;
            }
            return true;
        }
    }
}
