/**
 * Incidents reported to the Cyber Response Team (CRT), their handling, the deadlines the law sets for notifying
 * regulators, emergency support from the programme's emergency fund and the lessons learned (issue 13, ADR 0035).
 * The module root is what other modules may use: {@link be.bolwerk.incident.IncidentId}, the enums that name an
 * incident's status, category, severity, TLP label and report channel, and {@link be.bolwerk.incident.IncidentNotFound};
 * the past-tense events are in the named interface {@code incident :: event}. The aggregate, its store and who may
 * see what live in {@code handling}; demo incidents (demo profile only) in {@code demo}.
 */
@org.springframework.modulith.ApplicationModule(
        allowedDependencies = {
            "shared",
            "organisation",
            "organisation :: demo",
            "identity",
            "identity :: event",
            "notification",
            "funding"
        })
package be.bolwerk.incident;
