package be.bolwerk.shared;

import java.util.Arrays;

/**
 * A business rule says no. This is the one type every module throws for that: it names the rule by a message
 * key (in {@code messages*.properties}) with its arguments, and says which kind of no it is. The web layer
 * maps it once, in {@code shared.web}: an API caller gets problem+json, a page gets the same sentence in the
 * reader's language next to what they typed. The exception's own text is the key only, so logs never carry
 * user input.
 */
public final class Refusal extends RuntimeException {

    /** What kind of no; decides the HTTP status of the answer. */
    public enum Kind {
        /** The input breaks a rule (422). */
        INVALID(422),
        /** The current state does not allow it: locked, stale, already there (409). */
        CONFLICT(409);

        private final int status;

        Kind(int status) {
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    private final Kind kind;
    private final String messageKey;
    private final transient Object[] arguments;

    private Refusal(Kind kind, String messageKey, Object... arguments) {
        super(messageKey, null, false, false);
        this.kind = kind;
        this.messageKey = messageKey;
        this.arguments = arguments.clone();
    }

    /** The input breaks the rule named by {@code messageKey}. */
    public static Refusal invalid(String messageKey, Object... arguments) {
        return new Refusal(Kind.INVALID, messageKey, arguments);
    }

    /** The state of the thing does not allow it (locked, stale, duplicate). */
    public static Refusal conflict(String messageKey, Object... arguments) {
        return new Refusal(Kind.CONFLICT, messageKey, arguments);
    }

    public Kind kind() {
        return kind;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments.clone();
    }

    /** True when this refusal is the rule named by {@code key}; lets a caller react to one rule only. */
    public boolean is(String key) {
        return messageKey.equals(key);
    }

    @Override
    public String toString() {
        return "Refusal[" + kind + " " + messageKey + " " + Arrays.toString(arguments) + "]";
    }
}
