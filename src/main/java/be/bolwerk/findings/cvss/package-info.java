/** CVSS 3.x and 4.0 vectors: validated strictly, scored by a maintained library, mapped to a severity (ADR 0027). */
package be.bolwerk.findings.cvss;
