package be.bolwerk.framework;

import java.util.UUID;

/** A published framework version was retired: no new self-evaluations; existing ones stay readable. */
public record FrameworkRetired(FrameworkVersionId id, String code, String version, UUID by) {}
