package be.bolwerk.engagement.scope;

import java.util.UUID;

/**
 * A third party's written consent, attached as a PDF. The scope names it by party, kind, file name and the
 * SHA-256 of the file, so that a signature covers the very document that was attached.
 */
public record Consent(UUID id, String party, ConsentKind kind, String fileName, String sha256) {}
