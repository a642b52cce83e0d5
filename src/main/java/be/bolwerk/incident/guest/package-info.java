/**
 * Guests on one incident (ADR 0043): the organisation's admin invites its external response firm or ICT supplier
 * until a Brussels date ({@link be.bolwerk.incident.guest.GuestGrant}, {@link be.bolwerk.incident.guest.Guests});
 * the identity module's invitation page sets up or links the account; an active grant lets
 * {@code handling.IncidentAccess} admit the guest to the overview and the timeline of that incident only. Pages in
 * {@code web}: the tab {@code /incidents/{id}/guests} and the guest's landing {@code /guest}.
 */
package be.bolwerk.incident.guest;
