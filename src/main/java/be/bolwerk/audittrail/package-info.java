/**
 * The tamper-evident record of security-relevant events: who did what, for which organisation, from where,
 * with what outcome. Rows are chained by HMAC; a verification finds the first edited, deleted or reordered
 * row. Other modules do not call it: it listens to their events and to Spring Security's, synchronously, so an
 * audited change and its row commit together (ADR 0015). The module root holds only what every part shares,
 * the kinds of event ({@link be.bolwerk.audittrail.AuditEventType}); the chain, the recorders and the pages live
 * in the sub-packages.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {
            "shared",
            "organisation",
            "framework",
            "identity",
            "identity :: event",
            "assessment",
            "campaign",
            "funding",
            "audit",
            "audit :: event",
            "engagement",
            "findings",
            "findings :: event",
            "findings :: group-event",
            "incident",
            "incident :: event",
            "incident :: work-event"
        })
package be.bolwerk.audittrail;
