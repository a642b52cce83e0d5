package be.bolwerk.findings.register;

import be.bolwerk.shared.NotFound;

/** No such finding, or not one of the person's organisations: both answer 404. */
public class FindingNotFound extends NotFound {

    public FindingNotFound() {
        super("Finding not found");
    }
}
