/** The read-only JSON API of risk acceptances, with the register's visibility. */
package be.bolwerk.findings.acceptance.api;
