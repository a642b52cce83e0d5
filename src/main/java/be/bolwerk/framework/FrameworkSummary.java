package be.bolwerk.framework;

import java.time.Instant;

/** A framework version as it appears in lists, with where it is in its life cycle. */
public record FrameworkSummary(
        FrameworkVersionId id,
        String code,
        String version,
        String title,
        String language,
        FrameworkSource source,
        int controlCount,
        Instant createdAt,
        FrameworkStatus status) {

    /** Offered for new self-evaluations. */
    public boolean open() {
        return status == FrameworkStatus.PUBLISHED;
    }
}
