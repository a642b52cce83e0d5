package be.bolwerk.findings.report;

/** Of {@code closed} findings, how many closed on or before their due date; the percentage rounded down. */
public record Share(long closed, long within) {

    public static final Share NONE = new Share(0, 0);

    /** The percentage within the SLA, or null when nothing closed yet. */
    public Integer percent() {
        return closed == 0 ? null : (int) (within * 100 / closed);
    }

    Share plus(Share other) {
        return new Share(closed + other.closed, within + other.within);
    }
}
