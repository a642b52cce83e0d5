package be.bolwerk.framework;

import java.util.UUID;

/** A draft framework version was published: organisations can see it and start self-evaluations on it. */
public record FrameworkPublished(FrameworkVersionId id, String code, String version, UUID by) {}
