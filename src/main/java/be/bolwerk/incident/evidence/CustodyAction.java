package be.bolwerk.incident.evidence;

/** A step in the chain of custody of an evidence file. */
public enum CustodyAction {
    UPLOADED,
    DOWNLOADED,
    HANDED_OVER
}
