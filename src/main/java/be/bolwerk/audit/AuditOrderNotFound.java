package be.bolwerk.audit;

import be.bolwerk.shared.NotFound;

/** No such order, or not one the person may see: both answer 404, so ids cannot be probed. */
public class AuditOrderNotFound extends NotFound {

    public AuditOrderNotFound() {
        super("audit order not found");
    }
}
