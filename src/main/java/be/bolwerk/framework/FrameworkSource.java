package be.bolwerk.framework;

/** Where a framework version came from. */
public enum FrameworkSource {
    /** Written by the programme and shipped with Bolwerk. */
    BUILT_IN,
    /** Imported from a file in Bolwerk's own format. */
    IMPORTED,
    /** Imported from an OSCAL catalog. */
    OSCAL
}
