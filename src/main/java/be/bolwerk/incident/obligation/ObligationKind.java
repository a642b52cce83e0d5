package be.bolwerk.incident.obligation;

/**
 * What the law (or the organisation's own choice) asks to be sent. The rules in {@link Deadlines} compute the kinds
 * that are not {@link #manual()}; the manual ones are added by hand, without a deadline: a supplement to a GDPR
 * notification (information may follow in phases, art. 33(4)) and a voluntary NIS2 notification (art. 30).
 */
public enum ObligationKind {
    GDPR_NOTIFICATION(false),
    GDPR_SUPPLEMENT(true),
    GDPR_DATA_SUBJECTS(false),
    NIS2_EARLY_WARNING(false),
    NIS2_NOTIFICATION(false),
    NIS2_PROGRESS_REPORT(false),
    NIS2_FINAL_REPORT(false),
    NIS2_VOLUNTARY(true);

    private final boolean manual;

    ObligationKind(boolean manual) {
        this.manual = manual;
    }

    public boolean manual() {
        return manual;
    }
}
