/**
 * The incident API ({@code /api/v1/incidents}): report an incident idempotently under an {@code Idempotency-Key},
 * and read the incidents the caller may see, with the rules of the pages (ADR 0036).
 */
package be.bolwerk.incident.api;
