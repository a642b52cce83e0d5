/**
 * The findings register: one improvement plan per organisation, fed by the self-evaluation's improvement actions,
 * audits, ethical-hacking engagements and people, each finding with an owner and a due date from the SLA profile.
 * The module root is what other modules may use: {@link be.bolwerk.findings.FindingId} and the enums that name a
 * finding's source, severity, status and effort; the past-tense events are in the named interface
 * {@code findings :: event} (and {@code findings :: group-event} for what concerns several findings); the aggregate and its use cases live in {@code register}, the SLA rule in {@code sla},
 * the listeners that take findings over from other modules in {@code sources}, the pages in {@code web}, the
 * API (read, and write with the pages' rules, ADR 0032) in {@code api}, demo findings in {@code demo} (ADR 0026); CVSS vectors are checked and scored in
 * {@code cvss}, scanner files read in {@code intake} (ADR 0027) and
 * uploaded, previewed and confirmed in {@code imports} (ADR 0029); the figures, exports, improvement plan and programme
 * view in {@code report}, the owners' daily digest in {@code digest} (ADR 0031); risk acceptances live in
 * {@code acceptance} (ADR 0030).
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {
            "shared",
            "organisation",
            "organisation :: demo",
            "identity",
            "assessment",
            "audit",
            "audit :: event",
            "engagement",
            "incident",
            "incident :: event",
            "incident :: work-event"
        })
package be.bolwerk.findings;
