/**
 * The CRT's playbooks (task templates per incident category, edited at {@code /incidents/playbooks}) and the tasks an
 * incident gets from its category's playbook at triage, ticked done by the CRT and the organisation (ADR 0037).
 */
package be.bolwerk.incident.playbook;
