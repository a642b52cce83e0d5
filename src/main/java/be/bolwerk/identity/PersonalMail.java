package be.bolwerk.identity;

import be.bolwerk.identity.account.PreferenceStore;
import be.bolwerk.identity.account.Preferences;
import be.bolwerk.notification.Mailer;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one way another module mails a person it knows by account: in the language the person chose, and not at
 * all when it is a work mail they turned off. Which mails are essential is decided here, by {@link Kind}: the
 * caller says what kind of mail it sends, the person's preferences say whether it goes.
 */
@Service
public class PersonalMail {

    /**
     * What a mail is for. {@link #ESSENTIAL}: security and account mails (a password reset, a changed role)
     * and anything whose absence would lock someone out or hide a change to their rights; never turned off.
     * {@link #WORK}: news about shared work (an area given to them, an area finished, a submission, a mention);
     * the work list on the home page shows the same, so a person may turn these off.
     */
    public enum Kind {
        ESSENTIAL,
        WORK
    }

    private final PreferenceStore preferences;
    private final Mailer mailer;

    PersonalMail(PreferenceStore preferences, Mailer mailer) {
        this.preferences = preferences;
        this.mailer = mailer;
    }

    /**
     * Queues the mail {@code template} for the account, once per {@code onceKey}, in the caller's transaction.
     * Returns false when nothing was queued: the account is unknown or disabled, the person turned work mails
     * off, or the same mail was queued before.
     */
    @Transactional
    public boolean send(
            UUID accountId,
            Kind kind,
            String onceKey,
            String template,
            Map<String, ?> model,
            Object... subjectArguments) {
        Optional<PreferenceStore.Recipient> recipient = preferences.recipient(accountId);
        if (recipient.isEmpty()) {
            return false;
        }
        Preferences chosen = recipient.get().preferences();
        if (kind == Kind.WORK && !chosen.workMail()) {
            return false;
        }
        return mailer.sendOnce(onceKey, recipient.get().email(), chosen.locale(), template, model, subjectArguments);
    }

    /** The link to a page of Bolwerk, for a mail. */
    public String link(String path) {
        return mailer.link(path);
    }
}
