/**
 * The finding and its use cases: raising one (by hand or from a source), its named transitions, owner, retests and
 * history, the one store that writes its tables, the register's lists and the mails (ADR 0026).
 */
package be.bolwerk.findings.register;
