package be.bolwerk.framework;

import java.util.UUID;

/** A draft framework version was deleted before anyone could answer it. */
public record FrameworkDeleted(FrameworkVersionId id, String code, String version, UUID by) {}
