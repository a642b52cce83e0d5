/**
 * Reads scanner files (the generic findings CSV and SARIF 2.1.0) into candidate findings, or into the rows that
 * are wrong and why; a file with any wrong row gives no candidates at all (ADR 0027). Nothing here stores.
 */
package be.bolwerk.findings.intake;
