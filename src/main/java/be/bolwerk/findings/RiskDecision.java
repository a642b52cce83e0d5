package be.bolwerk.findings;

/**
 * What an organisation decided about a risk it does not fix now: accept it as it is, mitigate it with other
 * measures, transfer it (insurance, a supplier) or avoid it (stop the activity). Labels:
 * {@code findings.acceptance.decision.*}.
 */
public enum RiskDecision {
    ACCEPT,
    MITIGATE,
    TRANSFER,
    AVOID
}
