package be.bolwerk.incident.guest.web;

import jakarta.validation.constraints.Size;

/**
 * Inviting a guest: the address, the firm's name and the last day of access (a Brussels date, yyyy-mm-dd). Strings,
 * so that whatever was typed comes back with the refusal next to it.
 */
record GuestForm(
        @Size(max = 254, message = "{validation.size.max}") String email,
        @Size(max = 200, message = "{validation.size.max}") String firm,
        @Size(max = 20, message = "{validation.size.max}") String lastDay) {

    static GuestForm empty() {
        return new GuestForm(null, null, null);
    }
}
