/**
 * The CRT dashboard (ADR 0044): the first-response SLA with its breaches, every pending regulator deadline with its
 * countdown, incidents per category and month, and the time to contain. Figures are aggregated in SQL over the
 * whole field; programme officers see only the aggregate panels.
 */
package be.bolwerk.incident.dashboard;
