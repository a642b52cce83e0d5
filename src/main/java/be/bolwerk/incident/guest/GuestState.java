package be.bolwerk.incident.guest;

/** Where a guest grant stands at one moment: computed from the grant and the clock, never stored. */
public enum GuestState {
    /** Invited, not yet accepted, not expired. */
    INVITED,
    /** Accepted and before its end: the guest may open the incident. */
    ACTIVE,
    /** Past its end date, accepted or not. */
    EXPIRED,
    /** Ended by the organisation's admin or the CRT. */
    REVOKED
}
