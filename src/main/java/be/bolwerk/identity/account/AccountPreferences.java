package be.bolwerk.identity.account;

import be.bolwerk.identity.event.PreferencesChanged;
import java.time.Clock;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Changing one's own preferences; the change is announced, so the audit trail records it with it. */
@Service
class AccountPreferences {

    private final PreferenceStore store;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AccountPreferences(PreferenceStore store, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    Preferences of(UUID accountId) {
        return store.of(accountId);
    }

    /** Saves what the person chose; saving the same again changes and records nothing. */
    @Transactional
    boolean change(UUID accountId, Preferences chosen) {
        if (store.of(accountId).equals(chosen)) {
            return false;
        }
        store.save(accountId, chosen, clock.instant());
        events.publishEvent(new PreferencesChanged(accountId, chosen.language(), chosen.workMail()));
        return true;
    }
}
