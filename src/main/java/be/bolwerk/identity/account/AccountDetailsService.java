package be.bolwerk.identity.account;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads the account behind an e-mail address for Spring Security's password check, and stores a rehashed
 * password when the stored hash uses an older algorithm.
 */
@Service
public class AccountDetailsService implements UserDetailsService, UserDetailsPasswordService {

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

    @Override
    @Transactional
    public UserDetails updatePassword(UserDetails user, String newPassword) {
        accounts.replacePasswordHash(UserAccount.normalise(user.getUsername()), newPassword);
        return loadUserByUsername(user.getUsername());
    }
}
