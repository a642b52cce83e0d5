/**
 * The SLA rule: days to fix per severity, a programme default that an organisation may tighten but never loosen,
 * and the due date it gives a finding (ADR 0026).
 */
package be.bolwerk.findings.sla;
