package be.bolwerk.shared.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** Builds problem details with Dutch titles; the one place that decides their shape. */
public final class Problems {

    private Problems() {}

    public static ProblemDetail of(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }
}
