package be.bolwerk.shared;

import java.util.UUID;

/**
 * An imported file was refused as a whole and nothing was imported. {@code what} names the import (e.g.
 * "framework", "workbook assessment ..."), {@code reason} the message key the person saw, {@code by} who started
 * it (imports may finish in the background, without a signed-in person at hand).
 */
public record ImportRefused(String what, String reason, String fileName, UUID organisationId, UUID by) {}
