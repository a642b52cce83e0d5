package be.bolwerk.audittrail.chain;

import java.util.regex.Pattern;

/**
 * A point the chain once reached: its position, the HMAC of the row there and the seal of the head at that
 * moment. Kept outside the database (log, monitor), it proves later that the chain still reaches that far:
 * someone who cuts off the newest rows and restores an older, correctly sealed head cannot undo a checkpoint
 * that was already written elsewhere.
 *
 * @param seq the position of the newest row, 0 for an empty chain
 * @param hash that row's HMAC
 * @param mac the head's seal; {@code null} for a checkpoint given by a person, who only needs position and HMAC
 */
public record Checkpoint(long seq, String hash, String mac) {

    private static final Pattern FORMAT = Pattern.compile("(\\d{1,18}):([0-9a-f]{64})");

    /** Reads {@code N:HASH} as printed in the log; {@code null} when the text has another shape. */
    public static Checkpoint parse(String text) {
        var match = FORMAT.matcher(text == null ? "" : text.strip().toLowerCase(java.util.Locale.ROOT));
        return match.matches() ? new Checkpoint(Long.parseLong(match.group(1)), match.group(2), null) : null;
    }

    /** The form operators paste back into the verifier. */
    @Override
    public String toString() {
        return seq + ":" + hash;
    }
}
