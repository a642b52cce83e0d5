/**
 * The CRT's handling pages of an incident: triage, the status steps with their history, the playbook tasks
 * ({@code /incidents/{id}/handling}), and the playbooks themselves ({@code /incidents/playbooks}). Controllers and
 * forms only: the rules live in {@code handling} and {@code playbook}.
 */
package be.bolwerk.incident.response;
