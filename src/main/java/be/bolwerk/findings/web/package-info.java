/** The register's pages: the list with its filters, a finding with its steps, history and retests, and the SLA page. */
package be.bolwerk.findings.web;
