package be.bolwerk.framework;

import java.time.Instant;

/** A framework version as it appears in lists. */
public record FrameworkSummary(
        FrameworkVersionId id,
        String code,
        String version,
        String title,
        String language,
        FrameworkSource source,
        int controlCount,
        Instant createdAt) {}
