package be.bolwerk.findings.event.group;

import be.bolwerk.findings.RiskAcceptanceId;
import be.bolwerk.findings.RiskDecision;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Every event of a risk acceptance names it, its organisation and its title as people read it (ADR 0030). The
 * events are the nested records, one per step: proposed, approved, rejected, activated, expired, revoked.
 */
public sealed interface RiskAcceptanceEvent {

    RiskAcceptanceId acceptanceId();

    UUID organisationId();

    String title();

    /** A member proposed to accept the risk of {@code findings} findings until {@code expiresOn}; an admin decides. */
    record Proposed(
            RiskAcceptanceId acceptanceId,
            UUID organisationId,
            String title,
            RiskDecision decision,
            int findings,
            LocalDate expiresOn)
            implements RiskAcceptanceEvent {}

    /** An admin other than the proposer approved the acceptance (four eyes); it becomes active at once. */
    record Approved(RiskAcceptanceId acceptanceId, UUID organisationId, String title) implements RiskAcceptanceEvent {}

    /** An admin other than the proposer rejected the acceptance, with the reason; its findings stay as they were. */
    record Rejected(RiskAcceptanceId acceptanceId, UUID organisationId, String title, String reason)
            implements RiskAcceptanceEvent {}

    /** The approved acceptance holds until {@code expiresOn}: its findings are risk accepted. */
    record Activated(RiskAcceptanceId acceptanceId, UUID organisationId, String title, LocalDate expiresOn)
            implements RiskAcceptanceEvent {}

    /** The acceptance reached its expiry date: its findings are open again and their SLA restarts on that day. */
    record Expired(RiskAcceptanceId acceptanceId, UUID organisationId, String title, LocalDate expiresOn)
            implements RiskAcceptanceEvent {}

    /** An admin ended the active acceptance before its expiry, with the reason: its findings reopen at once. */
    record Revoked(RiskAcceptanceId acceptanceId, UUID organisationId, String title, String reason)
            implements RiskAcceptanceEvent {}
}
