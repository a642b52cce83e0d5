package be.bolwerk.shared;

/**
 * Something a person asked for does not exist or is not theirs to see. The two cases are deliberately one
 * exception: a foreign organisation's record must answer exactly like a missing one (404), never 403, so that
 * ids cannot be probed. Modules subclass it with a name for their fact, e.g. {@code OrganisationNotFound}.
 */
public abstract class NotFound extends RuntimeException {

    protected NotFound(String message) {
        super(message, null, false, false);
    }
}
