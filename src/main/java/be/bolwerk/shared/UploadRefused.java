package be.bolwerk.shared;

import java.util.UUID;

/**
 * An uploaded file was refused and nothing was stored: too large, of a type not accepted, or with content that
 * does not match its type. {@code reason} is the message key the person saw (or "too large"), {@code path} the
 * request, {@code organisationId} the organisation it was meant for when known, {@code clientAddress} where it
 * came from (a refusal may come before the request is known to the rest of the application).
 */
public record UploadRefused(String path, String reason, String fileName, UUID organisationId, String clientAddress) {}
