package be.bolwerk.assessment;

import java.util.UUID;

/** Evidence was taken off a control of a self-evaluation; {@code name} is its file name or link title. */
public record EvidenceRemoved(AssessmentId id, UUID organisationId, String controlRef, String name) {}
