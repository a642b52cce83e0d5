package be.bolwerk.framework;

/**
 * A framework file that cannot be imported, with the reason as a message key ({@code framework.invalid.*})
 * and one detail (a field, a ref, a position in the file) for the Dutch or English sentence.
 */
public class InvalidFramework extends RuntimeException {

    private final String key;
    private final String detail;

    InvalidFramework(String key, String detail) {
        super(key + ": " + detail);
        this.key = "framework.invalid." + key;
        this.detail = detail == null ? "" : detail;
    }

    InvalidFramework(String key, String detail, Throwable cause) {
        this(key, detail);
        initCause(cause);
    }

    public String key() {
        return key;
    }

    public String detail() {
        return detail;
    }
}
