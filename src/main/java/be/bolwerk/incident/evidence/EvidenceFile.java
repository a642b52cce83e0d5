package be.bolwerk.incident.evidence;

import be.bolwerk.incident.IncidentId;
import be.bolwerk.incident.Tlp;
import be.bolwerk.incident.handling.Actor;
import be.bolwerk.incident.handling.Incident;
import be.bolwerk.shared.Refusal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;

/**
 * An evidence file of an incident as its list shows it (the content is read only for a download). Any type is
 * taken: evidence is what it is (logs, mails, a ransom note); it is served as an attachment only, never shown by
 * the browser. Public because templates read it.
 */
public record EvidenceFile(
        UUID id,
        IncidentId incidentId,
        UUID organisationId,
        String fileName,
        long size,
        String sha256,
        Tlp tlp,
        String description,
        Instant uploadedAt,
        Actor uploadedBy) {

    /** The multipart limit of the application is 20 MB; a file must fit under it with the form around it. */
    public static final long MAX_BYTES = 20L * 1000 * 1000;

    public static final int MAX_DESCRIPTION = 1000;
    static final String EMPTY = "incident.evidence.rule.empty";
    static final String TOO_LARGE = "incident.evidence.rule.tooLarge";
    static final String DESCRIPTION_TOO_LONG = "incident.evidence.rule.descriptionTooLong";

    /** A new file with its SHA-256; refused when empty or too large, or with too long a description. */
    static EvidenceFile upload(
            Incident incident,
            String originalName,
            byte[] content,
            Tlp tlp,
            String description,
            Actor by,
            Instant now) {
        if (content.length == 0) {
            throw Refusal.invalid(EMPTY);
        }
        if (content.length > MAX_BYTES) {
            throw Refusal.invalid(TOO_LARGE, MAX_BYTES / 1000 / 1000);
        }
        String clean = description == null || description.isBlank() ? null : description.strip();
        if (clean != null && clean.length() > MAX_DESCRIPTION) {
            throw Refusal.invalid(DESCRIPTION_TOO_LONG, MAX_DESCRIPTION);
        }
        return new EvidenceFile(
                UUID.randomUUID(),
                incident.id(),
                incident.organisationId(),
                safeName(originalName),
                content.length,
                sha256(content),
                tlp == null ? incident.tlp() : tlp,
                clean,
                now,
                by);
    }

    /** The SHA-256 of the content in lower-case hexadecimal, as {@code sha256sum} prints it. */
    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException everyJavaHasIt) {
            throw new IllegalStateException(everyJavaHasIt);
        }
    }

    /**
     * The name without any path a browser sent along, without control characters, quotes and path separators, at
     * most 200 characters (keeping the extension); "bestand" when nothing is left. Safe in a Content-Disposition.
     */
    static String safeName(String original) {
        String name = original == null ? "" : original;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = Normalizer.normalize(name, Normalizer.Form.NFC)
                .replaceAll("[\\p{Cntrl}\"*:<>?|;]", "_")
                .strip();
        while (name.startsWith(".")) {
            name = name.substring(1);
        }
        if (name.isBlank()) {
            return "bestand";
        }
        if (name.length() > 200) {
            int dot = name.lastIndexOf('.');
            String extension = dot > 0 && name.length() - dot <= 10 ? name.substring(dot) : "";
            name = name.substring(0, 200 - extension.length()) + extension;
        }
        return new String(name.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
    }
}
