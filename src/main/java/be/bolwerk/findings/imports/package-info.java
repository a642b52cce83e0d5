/**
 * Imports of scanner files into the register (ADR 0029): upload, a preview kept on the server, confirmation once,
 * repeats recognised by their keys, and the same in one call for the API.
 */
package be.bolwerk.findings.imports;
