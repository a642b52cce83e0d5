/**
 * Where findings come from in other modules: the listeners that take over improvement actions of the
 * self-evaluation, audit findings (and restart their SLA at the audit report) and accepted engagement findings.
 * Each is an {@code @ApplicationModuleListener} (after commit, durable, ADR 0015) and idempotent (ADR 0026).
 */
package be.bolwerk.findings.sources;
