package be.bolwerk.findings;

/** How much work the fix is, as a T-shirt size. Labels: {@code finding.effort.*}. */
public enum Effort {
    XS,
    S,
    M,
    L,
    XL
}
