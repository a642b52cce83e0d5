package be.bolwerk.identity.account;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** The preferences page: the language of one's mails (nl or en) and whether work mails come. */
record PreferencesForm(
        @NotNull(message = "{preferences.language.invalid}")
        @Pattern(regexp = "nl|en", message = "{preferences.language.invalid}")
        String language,

        boolean workMail) {

    static PreferencesForm of(Preferences preferences) {
        return new PreferencesForm(preferences.language(), preferences.workMail());
    }

    Preferences preferences() {
        return new Preferences(language, workMail);
    }
}
