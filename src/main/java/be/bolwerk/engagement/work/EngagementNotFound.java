package be.bolwerk.engagement.work;

import be.bolwerk.shared.NotFound;

/** No such engagement (or finding, file), or not one the person may see: both answer 404. */
public class EngagementNotFound extends NotFound {

    public EngagementNotFound() {
        super("Engagement not found");
    }
}
