package be.bolwerk.findings.event.group;

import java.util.UUID;

/**
 * A scanner file was imported into an organisation's register as a whole: how many findings it added and how many
 * it recognised and updated.
 */
public record FindingsImported(
        UUID importId, UUID organisationId, String format, String fileName, int created, int updated) {}
