package be.bolwerk.identity;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;

/** A request to complete sign-in: "the person past the password step typed this code". */
final class SecondFactorCode extends AbstractAuthenticationToken {

    private final String email;
    private final String code;

    SecondFactorCode(String email, String code) {
        super(List.of());
        this.email = email;
        this.code = code;
        setAuthenticated(false);
    }

    @Override
    public Object getPrincipal() {
        return email;
    }

    @Override
    public Object getCredentials() {
        return code;
    }
}
