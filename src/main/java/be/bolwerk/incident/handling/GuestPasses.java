package be.bolwerk.incident.handling;

import be.bolwerk.incident.IncidentId;
import java.util.UUID;

/**
 * Whether an account holds an active guest grant on an incident (accepted, not revoked, not expired on the clock).
 * Declared here and implemented by {@code incident.guest}, so that {@link IncidentAccess} can admit guests without
 * this package depending on the one that builds on it. Asked on every request, never cached: a revoked or expired
 * grant closes the incident at once (ADR 0043).
 */
public interface GuestPasses {

    boolean admits(IncidentId incident, UUID accountId);
}
