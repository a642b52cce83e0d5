package be.bolwerk.findings.acceptance;

import be.bolwerk.shared.NotFound;

/** No such risk acceptance, or not one of the person's organisations: both answer 404. */
public class RiskAcceptanceNotFound extends NotFound {

    public RiskAcceptanceNotFound() {
        super("Risk acceptance not found");
    }
}
