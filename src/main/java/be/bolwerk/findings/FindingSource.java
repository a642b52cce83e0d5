package be.bolwerk.findings;

/** Where a finding came from; with its source reference it links back there. Labels: {@code finding.source.*}. */
public enum FindingSource {
    SELF_EVALUATION_ACTION,
    AUDIT,
    ENGAGEMENT,
    INCIDENT,
    ADVISORY,
    MANUAL,
    IMPORT
}
