package be.bolwerk.identity.event;

import java.util.UUID;

/** The command line issued an enrolment link for a platform admin; forced when one already existed. */
public record PlatformAdminEnrolmentIssued(UUID invitationId, boolean forced) {}
