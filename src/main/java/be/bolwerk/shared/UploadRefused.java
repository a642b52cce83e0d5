package be.bolwerk.shared;

import java.util.List;
import java.util.UUID;

/**
 * An uploaded file was refused and nothing was stored: too large, of a type not accepted, or with content that
 * does not match its type. {@code reason} is the message key the person saw (or "too large") and
 * {@code reasonArguments} what was filled into it (a size limit), {@code path} the request, {@code organisationId}
 * the organisation it was meant for when known, {@code clientAddress} where it came from (a refusal may come
 * before the request is known to the rest of the application).
 */
public record UploadRefused(
        String path,
        String reason,
        List<Object> reasonArguments,
        String fileName,
        UUID organisationId,
        String clientAddress) {

    public UploadRefused {
        reasonArguments = List.copyOf(reasonArguments);
    }

    /** The refusal the person saw, with its arguments, announced for a file meant for {@code organisationId}. */
    public static UploadRefused of(
            String path, Refusal refusal, String fileName, UUID organisationId, String clientAddress) {
        return new UploadRefused(
                path, refusal.messageKey(), List.of(refusal.arguments()), fileName, organisationId, clientAddress);
    }
}
