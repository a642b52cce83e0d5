package be.bolwerk.framework;

/**
 * Where a framework version is in its life cycle. An import starts as a draft that only the programme office
 * sees; publishing offers it for new self-evaluations; retiring stops new ones while the evaluations made on it
 * stay readable. Only a draft can be deleted: nothing has been answered on it.
 */
public enum FrameworkStatus {
    DRAFT,
    PUBLISHED,
    RETIRED
}
