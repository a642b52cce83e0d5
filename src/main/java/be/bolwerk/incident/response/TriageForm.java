package be.bolwerk.incident.response;

import be.bolwerk.incident.IncidentCategory;
import be.bolwerk.incident.IncidentSeverity;
import be.bolwerk.incident.Tlp;
import be.bolwerk.incident.handling.Incident;
import be.bolwerk.incident.handling.Responding;

/**
 * The triage form (also used to reclassify): what the analyst chose, kept as text so that a refused form shows it
 * again as sent (across the redirect, in the session store, hence serializable). {@code revision} is the
 * incident's revision the page showed.
 */
public record TriageForm(String revision, String severity, String category, String leadAnalyst, String tlp)
        implements java.io.Serializable {

    static TriageForm of(Incident incident) {
        return new TriageForm(
                String.valueOf(incident.revision()),
                incident.severity() == null ? null : incident.severity().name(),
                incident.category() == null ? null : incident.category().name(),
                incident.leadAnalyst() == null
                        ? null
                        : incident.leadAnalyst().id().toString(),
                incident.tlp().name());
    }

    Responding.Classification classification() {
        return new Responding.Classification(
                Forms.parse(IncidentSeverity.class, severity),
                Forms.parse(IncidentCategory.class, category),
                Forms.uuid(leadAnalyst),
                Forms.parse(Tlp.class, tlp));
    }

    int revisionNumber() {
        Integer number = Forms.number(revision);
        return number == null ? -1 : number;
    }
}
