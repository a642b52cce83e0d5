package be.bolwerk.audit;

/**
 * What is ordered. A basic audit (optionally with an extra coaching day) is co-financed at two thirds; a
 * supplementary audit at half, within the remaining credit, and only after a completed basic audit (seed 002).
 * Labels live in messages ({@code auditOrder.kind.*}).
 */
public enum AuditKind {
    BASIC,
    SUPPLEMENTARY
}
