package be.bolwerk.shared;

import java.util.List;
import java.util.UUID;

/**
 * An imported file was refused as a whole and nothing was imported. {@code what} names the import (e.g.
 * "framework", "workbook assessment ..."), {@code reason} the message key the person saw and
 * {@code reasonArguments} what was filled into it, {@code by} who started it (imports may finish in the
 * background, without a signed-in person at hand).
 */
public record ImportRefused(
        String what, String reason, List<Object> reasonArguments, String fileName, UUID organisationId, UUID by) {

    public ImportRefused {
        reasonArguments = List.copyOf(reasonArguments);
    }
}
