package be.bolwerk.identity;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Loads the account behind an e-mail address for Spring Security's password check. */
@Service
class AccountDetailsService implements UserDetailsService {

    private final UserAccounts accounts;

    AccountDetailsService(UserAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String email) {
        if (email == null || email.isBlank() || email.length() > 254) {
            throw new UsernameNotFoundException("unknown");
        }
        return accounts.findByEmail(UserAccount.normalise(email))
                .map(UserAccount::toCurrentUser)
                .orElseThrow(() -> new UsernameNotFoundException("unknown"));
    }
}
