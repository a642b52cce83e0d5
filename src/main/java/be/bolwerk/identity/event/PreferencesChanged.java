package be.bolwerk.identity.event;

import java.util.UUID;

/** A person changed their own preferences: the language of their mails and whether they get work mails. */
public record PreferencesChanged(UUID accountId, String language, boolean workMail) {}
