package be.bolwerk.framework;

import java.util.UUID;

/**
 * A framework version was added from a file or an OSCAL catalog (built-in ones are loaded silently); it is a
 * draft until the programme office publishes it. The import runs in the background, so the event names who
 * started it and from which file: the format is the source (OSCAL or Bolwerk's own), the file name as uploaded.
 */
public record FrameworkImported(
        FrameworkVersionId id, String code, String version, FrameworkSource source, UUID importedBy, String fileName) {}
