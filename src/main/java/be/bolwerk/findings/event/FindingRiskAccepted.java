package be.bolwerk.findings.event;

import be.bolwerk.findings.FindingId;
import be.bolwerk.findings.RiskAcceptanceId;
import java.util.UUID;

/** The finding is covered by an active risk acceptance: it is not worked on until that ends. */
public record FindingRiskAccepted(
        FindingId findingId, UUID organisationId, String title, RiskAcceptanceId acceptanceId, String acceptance)
        implements FindingEvent {}
