package be.bolwerk.identity.token;

import be.bolwerk.identity.account.UserAccount;
import be.bolwerk.identity.account.UserAccounts;
import be.bolwerk.identity.signin.SecondFactorProvider;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;

/** Turns a presented token into its owner; not a bean, for the same reason as {@link SecondFactorProvider}. */
final class ApiTokenProvider implements AuthenticationProvider {

    private final ApiTokens tokens;
    private final UserAccounts accounts;

    ApiTokenProvider(ApiTokens tokens, UserAccounts accounts) {
        this.tokens = tokens;
        this.accounts = accounts;
    }

    @Override
    public Authentication authenticate(Authentication request) {
        ApiTokens.Holder holder = tokens.use((String) request.getCredentials())
                .orElseThrow(() -> new BadCredentialsException("unknown, revoked or expired token"));
        return accounts.findById(holder.accountId())
                .map(UserAccount::toCurrentUser)
                .filter(user -> user.isEnabled())
                .map(user -> {
                    user.eraseCredentials();
                    return new ApiTokenAuthentication(user, holder.scope());
                })
                .orElseThrow(() -> new BadCredentialsException("token of a disabled account"));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return ApiTokenAuthentication.Request.class.isAssignableFrom(authentication);
    }
}
