/**
 * The register as JSON under {@code /api/v1/findings}, with the rules of the pages: read, write, and move a finding
 * through actions on the revision the client read (ADR 0032).
 */
package be.bolwerk.findings.api;
