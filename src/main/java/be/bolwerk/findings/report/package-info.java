/**
 * What the register adds up to: the burn-down chart and the share closed within the SLA of an organisation, its
 * XLSX export and PDF improvement plan, and the programme office's counts per organisation type, without any
 * finding's text (ADR 0031).
 */
package be.bolwerk.findings.report;
