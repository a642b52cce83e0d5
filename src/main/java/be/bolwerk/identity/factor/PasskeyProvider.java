package be.bolwerk.identity.factor;

import be.bolwerk.identity.signin.SecondFactorAuthentication;
import be.bolwerk.identity.signin.SecondFactorProvider;
import be.bolwerk.shared.security.CurrentUser;
import java.util.ArrayList;
import java.util.Collection;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthenticationRequestToken;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;

/**
 * Checks a passkey signature ({@code POST /login/webauthn}) as the second step only. Spring Security's own
 * provider would also sign in with a passkey alone and make a {@code PublicKeyCredentialUserEntity} the
 * principal; we want the password first, the passkey of that same account, and our {@link CurrentUser} as
 * the principal like every other step. Not a bean, for the same reason as {@link SecondFactorProvider}.
 */
public final class PasskeyProvider implements AuthenticationProvider {

    private final WebAuthnRelyingPartyOperations relyingParty;
    private final UserDetailsService users;

    public PasskeyProvider(WebAuthnRelyingPartyOperations relyingParty, UserDetailsService users) {
        this.relyingParty = relyingParty;
        this.users = users;
    }

    @Override
    public Authentication authenticate(Authentication request) {
        Authentication current = SecurityContextHolder.getContext().getAuthentication();
        boolean pastPassword = current != null
                && current.getAuthorities().stream()
                        .anyMatch(a -> FactorGrantedAuthority.PASSWORD_AUTHORITY.equals(a.getAuthority()));
        if (!pastPassword) {
            throw new BadCredentialsException("password first");
        }
        PublicKeyCredentialUserEntity owner;
        try {
            owner = relyingParty.authenticate(((WebAuthnAuthenticationRequestToken) request).getWebAuthnRequest());
        } catch (RuntimeException invalid) {
            throw new BadCredentialsException("passkey signature not accepted", invalid);
        }
        if (!owner.getName().equals(current.getName())) {
            throw new BadCredentialsException("passkey of another account");
        }
        CurrentUser user = (CurrentUser) users.loadUserByUsername(owner.getName());
        user.eraseCredentials();
        Collection<GrantedAuthority> authorities = new ArrayList<>(user.getAuthorities());
        authorities.add(Factors.passkey());
        return new SecondFactorAuthentication(user, authorities);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return WebAuthnAuthenticationRequestToken.class.isAssignableFrom(authentication);
    }
}
