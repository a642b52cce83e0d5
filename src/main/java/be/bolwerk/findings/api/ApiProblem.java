package be.bolwerk.findings.api;

import java.util.List;

/**
 * A problem of the write API that the shared handler does not know: a stale revision (412), a write without the
 * revision it needs (428), or a body that breaks its constraints (400, with the fields). The text is a message key.
 */
final class ApiProblem extends RuntimeException {

    /** One field of the body that breaks a constraint, with the message in the caller's language. */
    record FieldError(String field, String message) {}

    enum Kind {
        STALE(412, "findings.api.stale"),
        REVISION_REQUIRED(428, "findings.api.revisionRequired"),
        INVALID_BODY(400, "findings.api.invalidBody");

        final int status;
        final String key;

        Kind(int status, String key) {
            this.status = status;
            this.key = key;
        }

        /** The problem type, a URI of its own per kind, so that a client can tell them apart. */
        String type() {
            return "urn:bolwerk:problem:findings:" + name().toLowerCase().replace('_', '-');
        }
    }

    private final Kind kind;
    private final transient List<FieldError> errors;

    private ApiProblem(Kind kind, List<FieldError> errors) {
        super(kind.key, null, false, false);
        this.kind = kind;
        this.errors = List.copyOf(errors);
    }

    static ApiProblem stale() {
        return new ApiProblem(Kind.STALE, List.of());
    }

    static ApiProblem revisionRequired() {
        return new ApiProblem(Kind.REVISION_REQUIRED, List.of());
    }

    static ApiProblem invalid(List<FieldError> errors) {
        return new ApiProblem(Kind.INVALID_BODY, errors);
    }

    Kind kind() {
        return kind;
    }

    List<FieldError> errors() {
        return errors;
    }
}
