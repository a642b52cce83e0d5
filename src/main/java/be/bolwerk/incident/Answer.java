package be.bolwerk.incident;

/**
 * An answer to a yes-or-no question of the report that the person reporting may not know yet (is it still going
 * on, is personal data involved). Unknown is a real answer, not a missing one: the CRT asks again.
 */
public enum Answer {
    YES,
    NO,
    UNKNOWN
}
