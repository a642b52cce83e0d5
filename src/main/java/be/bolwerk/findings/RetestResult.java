package be.bolwerk.findings;

/** What a retest found: fixed (the fix is verified), partially fixed (stays open) or not fixed (reopens). */
public enum RetestResult {
    FIXED,
    PARTIALLY_FIXED,
    NOT_FIXED
}
