package be.bolwerk.identity.account;

import java.util.Locale;

/** A person's own choices: the language of their mails, and whether they get the mails about shared work. */
public record Preferences(String language, boolean workMail) {

    /** What a person has before choosing: Dutch, the programme's language, and every mail. */
    public static final Preferences DEFAULTS = new Preferences("nl", true);

    public Locale locale() {
        return Locale.forLanguageTag(language);
    }
}
