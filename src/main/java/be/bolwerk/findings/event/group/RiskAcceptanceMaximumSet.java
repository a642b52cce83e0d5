package be.bolwerk.findings.event.group;

/** The programme office set the longest a risk acceptance may hold, in months per severity. */
public record RiskAcceptanceMaximumSet(int critical, int high, int medium, int low, int informational) {}
