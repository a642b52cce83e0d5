package be.bolwerk.engagement;

import java.util.UUID;

/** Something that happened to an engagement of an organisation; every event of this module is one. */
public interface EngagementEvent {

    EngagementId engagementId();

    UUID organisationId();
}
