package be.bolwerk.identity.signin;

import be.bolwerk.identity.account.UserAccounts;
import be.bolwerk.shared.security.CurrentUser;
import java.time.Clock;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Remembers when an account last signed in, so the person can spot a sign-in that was not theirs. */
@Component
class SignInRecorder {

    private final UserAccounts accounts;
    private final Clock clock;

    SignInRecorder(UserAccounts accounts, Clock clock) {
        this.accounts = accounts;
        this.clock = clock;
    }

    @EventListener
    @Transactional
    void on(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof CurrentUser user) {
            accounts.recordSignIn(user.id(), clock.instant());
        }
    }
}
