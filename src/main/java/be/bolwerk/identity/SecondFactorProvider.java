package be.bolwerk.identity;

import be.bolwerk.shared.security.CurrentUser;
import java.util.ArrayList;
import java.util.Collection;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Checks the code typed on the second-factor page: six digits are an authenticator code, anything else a
 * recovery code. Deliberately not a bean: a single AuthenticationProvider bean would replace Boot's password
 * provider in the global authentication manager.
 */
final class SecondFactorProvider implements AuthenticationProvider {

    private final SecondFactors factors;
    private final UserDetailsService users;

    SecondFactorProvider(SecondFactors factors, UserDetailsService users) {
        this.factors = factors;
        this.users = users;
    }

    @Override
    public Authentication authenticate(Authentication request) {
        CurrentUser user = (CurrentUser) users.loadUserByUsername(request.getName());
        String code = (String) request.getCredentials();
        GrantedAuthority factor;
        if (code != null && code.strip().matches("\\d{6}")) {
            if (!factors.acceptTotp(user.id(), code)) {
                throw new BadCredentialsException("wrong or reused authenticator code");
            }
            factor = Factors.totp();
        } else {
            if (!factors.acceptRecoveryCode(user.id(), code)) {
                throw new BadCredentialsException("wrong or used recovery code");
            }
            factor = Factors.recoveryCode();
        }
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
