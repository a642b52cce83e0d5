package be.bolwerk.framework;

import java.util.UUID;

/**
 * A framework version was added from a file or an OSCAL catalog (built-in ones are loaded silently). The
 * import runs in the background, so the event names who started it.
 */
public record FrameworkImported(
        FrameworkVersionId id, String code, String version, FrameworkSource source, UUID importedBy) {}
