package be.bolwerk.identity.signin;

import be.bolwerk.identity.factor.Factors;
import be.bolwerk.identity.factor.SecondFactorChecks;
import be.bolwerk.shared.security.CurrentUser;
import java.util.ArrayList;
import java.util.Collection;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Checks the code typed on the second-factor page through {@link SecondFactorChecks}: throttled, six digits
 * are an authenticator code, anything else a recovery code. Deliberately not a bean: a single AuthenticationProvider bean would replace Boot's password
 * provider in the global authentication manager.
 */
public final class SecondFactorProvider implements AuthenticationProvider {

    private final SecondFactorChecks checks;
    private final UserDetailsService users;

    SecondFactorProvider(SecondFactorChecks checks, UserDetailsService users) {
        this.checks = checks;
        this.users = users;
    }

    @Override
    public Authentication authenticate(Authentication request) {
        CurrentUser user = (CurrentUser) users.loadUserByUsername(request.getName());
        String code = (String) request.getCredentials();
        String address = ((SecondFactorCode) request).clientAddress();
        SecondFactorChecks.Checked checked = checks.check(user.id(), user.email(), code, address, "sign-in");
        GrantedAuthority factor = switch (checked.outcome()) {
            case AUTHENTICATOR -> Factors.totp();
            case RECOVERY_CODE -> Factors.recoveryCode();
            case THROTTLED -> throw new SecondFactorThrottled(checked.retryAfter());
            case WRONG -> throw new BadCredentialsException("wrong or used code");
        };
        user.eraseCredentials();
        Collection<GrantedAuthority> authorities = new ArrayList<>(user.getAuthorities());
        authorities.add(factor);
        return new SecondFactorAuthentication(user, authorities);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return SecondFactorCode.class.isAssignableFrom(authentication);
    }
}
