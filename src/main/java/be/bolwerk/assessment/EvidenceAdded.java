package be.bolwerk.assessment;

import java.util.UUID;

/**
 * Evidence was attached to a control of a self-evaluation.
 *
 * @param name the file name or the link's title, as the person gave it
 * @param file {@code true} for an uploaded file, {@code false} for a link
 */
public record EvidenceAdded(AssessmentId id, UUID organisationId, String controlRef, String name, boolean file) {}
