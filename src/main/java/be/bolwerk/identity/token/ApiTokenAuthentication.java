package be.bolwerk.identity.token;

import be.bolwerk.identity.signin.SecondFactorRule;
import be.bolwerk.shared.security.CurrentUser;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A request authenticated by a personal API token: the token's owner, with the owner's roles, the bearer
 * factor and the token's scope. Tokens are only issued from a session that passed both sign-in steps, which
 * is why {@link SecondFactorRule} accepts the bearer factor on its own.
 */
final class ApiTokenAuthentication extends AbstractAuthenticationToken {

    static final String SCOPE_WRITE = "SCOPE_WRITE";

    private final CurrentUser principal;

    ApiTokenAuthentication(CurrentUser principal, ApiTokens.Scope scope) {
        super(authorities(principal, scope));
        this.principal = principal;
        super.setAuthenticated(true);
    }

    /** Before authentication: only the presented token. */
    static final class Request extends AbstractAuthenticationToken {

        private final String token;

        Request(String token) {
            super(List.of());
            this.token = token;
        }

        @Override
        public Object getCredentials() {
            return token;
        }

        @Override
        public Object getPrincipal() {
            return "api-token";
        }
    }

    private static Collection<GrantedAuthority> authorities(CurrentUser user, ApiTokens.Scope scope) {
        List<GrantedAuthority> authorities = new ArrayList<>(user.getAuthorities());
        authorities.add(FactorGrantedAuthority.fromAuthority(FactorGrantedAuthority.BEARER_AUTHORITY));
        authorities.add(new SimpleGrantedAuthority("SCOPE_" + scope.name()));
        return authorities;
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public CurrentUser getPrincipal() {
        return principal;
    }
}
