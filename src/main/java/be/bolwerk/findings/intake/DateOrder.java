package be.bolwerk.findings.intake;

/**
 * How a CSV date such as {@code 05/06/2021} is read. ISO dates ({@code 2021-06-05}, with or without a time) are
 * read as they are in every order.
 */
public enum DateOrder {
    /** Day first: 05/06/2021 is 5 June. */
    DAY_MONTH,
    /** Month first: 05/06/2021 is 6 May. */
    MONTH_DAY,
    /**
     * The order the file proves: a date with a first part above 12 proves day first, one with a second part above
     * 12 month first. A file that proves neither leaves 05/06/2021 ambiguous, a file that proves both is mixed;
     * either way those dates are row errors and the person chooses an order.
     */
    FROM_FILE
}
