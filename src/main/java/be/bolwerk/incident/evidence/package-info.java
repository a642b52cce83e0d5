/**
 * Evidence files of an incident and their chain of custody (ADR 0038): the SHA-256 is computed on upload and shown,
 * every download and every hand-over is written to the custody log with who and when, and a file is served only as
 * an attachment to someone who may see the incident.
 */
package be.bolwerk.incident.evidence;
