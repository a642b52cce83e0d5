package be.bolwerk.incident;

import be.bolwerk.shared.NotFound;

/** The incident does not exist or is not the asker's to see; both answer the same (404). */
public class IncidentNotFound extends NotFound {

    public IncidentNotFound() {
        super("Incident not found");
    }
}
