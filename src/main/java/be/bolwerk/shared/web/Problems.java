package be.bolwerk.shared.web;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * Builds problem details; the one place that decides their shape. The texts of a status come from the message
 * bundles ({@code api.problem.<status>} and {@code api.problem.<status>.detail}), so an English caller reads
 * English problems.
 */
public final class Problems {

    private Problems() {}

    /** The bundle's title and detail of {@code status} in the language of the current request. */
    public static ProblemDetail of(HttpStatus status, MessageSource messages) {
        return of(status, messages, LocaleContextHolder.getLocale());
    }

    /**
     * The bundle's title and detail of {@code status} in {@code locale}. A status without texts of its own is
     * told as the general client or server error (400 or 500), never with the framework's English words.
     */
    public static ProblemDetail of(HttpStatus status, MessageSource messages, Locale locale) {
        String key = "api.problem." + textsOf(status);
        return of(status, messages.getMessage(key, null, locale), messages.getMessage(key + ".detail", null, locale));
    }

    private static int textsOf(HttpStatus status) {
        return switch (status) {
            case UNAUTHORIZED, FORBIDDEN, NOT_FOUND, CONTENT_TOO_LARGE, SERVICE_UNAVAILABLE -> status.value();
            default -> status.is4xxClientError() ? 400 : 500;
        };
    }

    public static ProblemDetail of(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }
}
