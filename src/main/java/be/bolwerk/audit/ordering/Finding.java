package be.bolwerk.audit.ordering;

import java.time.Instant;
import java.util.UUID;

/** A finding the auditor recorded on an audit: what, how serious, and what to do about it. */
public record Finding(
        UUID id,
        String title,
        Severity severity,
        String description,
        String recommendation,
        UUID recordedBy,
        Instant recordedAt) {}
