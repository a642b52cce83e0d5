package be.bolwerk.assessment;

import java.util.UUID;

/** An organisation started a self-evaluation of a framework version for a year. */
public record AssessmentStarted(
        AssessmentId id, UUID organisationId, UUID frameworkVersionId, int year, boolean carriedOver) {}
