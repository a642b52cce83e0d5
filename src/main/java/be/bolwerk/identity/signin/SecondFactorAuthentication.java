package be.bolwerk.identity.signin;

import be.bolwerk.shared.security.CurrentUser;
import java.util.Collection;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.util.Assert;

/**
 * The result of a second-factor step. The principal stays our {@link CurrentUser}. It declares
 * {@code toBuilder()} itself because Spring Security merges the factors of the previous authentication into
 * the new one only for token classes that do.
 */
public final class SecondFactorAuthentication extends AbstractAuthenticationToken {

    private final CurrentUser principal;

    public SecondFactorAuthentication(CurrentUser principal, Collection<? extends GrantedAuthority> authorities) {
        super(authorities);
        this.principal = principal;
        super.setAuthenticated(true);
    }

    private SecondFactorAuthentication(Builder builder) {
        super(builder);
        this.principal = builder.principal;
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public CurrentUser getPrincipal() {
        return principal;
    }

    @Override
    public Builder toBuilder() {
        return new Builder(this);
    }

    static final class Builder extends AbstractAuthenticationBuilder<Builder> {

        private CurrentUser principal;

        private Builder(SecondFactorAuthentication token) {
            super(token);
            this.principal = token.principal;
        }

        @Override
        public Builder principal(Object principal) {
            Assert.isInstanceOf(CurrentUser.class, principal, "principal must be a CurrentUser");
            this.principal = (CurrentUser) principal;
            return this;
        }

        @Override
        public SecondFactorAuthentication build() {
            return new SecondFactorAuthentication(this);
        }
    }
}
