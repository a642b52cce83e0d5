package be.bolwerk.incident;

/** What kind of incident it is, set at triage; playbooks are kept per category. Labels: {@code incident.category.*}. */
public enum IncidentCategory {
    RANSOMWARE,
    PHISHING_BEC,
    ACCOUNT_COMPROMISE,
    DATA_BREACH,
    DENIAL_OF_SERVICE,
    MALWARE,
    EXPLOITED_VULNERABILITY,
    OTHER
}
