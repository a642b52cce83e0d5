package be.bolwerk.findings.event.group;

import java.util.UUID;

/**
 * An SLA profile was set: the programme's default ({@code organisationId} null) or an organisation's tighter one.
 * Days per severity; null means no due date for that severity.
 */
public record SlaProfileSet(
        UUID organisationId, Integer critical, Integer high, Integer medium, Integer low, Integer informational) {}
