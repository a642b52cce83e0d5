package be.bolwerk.identity.signin;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;

/** A request to complete sign-in: "the person past the password step typed this code". */
final class SecondFactorCode extends AbstractAuthenticationToken {

    private final String email;
    private final String code;
    private final String clientAddress;

    SecondFactorCode(String email, String code, String clientAddress) {
        super(List.of());
        this.email = email;
        this.code = code;
        this.clientAddress = clientAddress;
        setAuthenticated(false);
    }

    /** Where the attempt came from: the throttle counts per address too. */
    String clientAddress() {
        return clientAddress;
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
