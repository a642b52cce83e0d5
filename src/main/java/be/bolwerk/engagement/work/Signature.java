package be.bolwerk.engagement.work;

import java.time.Instant;
import java.util.UUID;

/**
 * A signed version of the rules of engagement: who signed, when, from which client address, the exact canonical
 * text and its SHA-256.
 */
public record Signature(
        UUID signerId, String signerName, Instant at, String clientAddress, String sha256, String text) {}
