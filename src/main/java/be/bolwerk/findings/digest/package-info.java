/** The daily digest: one mail per owner with their findings that are overdue or fall due within a week. */
package be.bolwerk.findings.digest;
