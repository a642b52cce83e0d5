package be.bolwerk.campaign.web;

import java.util.UUID;

/**
 * One row of the completion overview with every value already formatted and translated, so the template only
 * prints (ADR 0016). Public with public accessors for the compiled SpEL of the template.
 */
public record CompletionLine(
        UUID organisationId,
        String organisation,
        String type,
        String state,
        String stateLabel,
        String progress,
        int percent,
        String lastActivity,
        String deadline,
        String extensionReason,
        String lastReminder,
        boolean late) {}
