/** The register as read-only JSON under {@code /api/v1/findings}, with the rules of the pages. */
package be.bolwerk.findings.api;
