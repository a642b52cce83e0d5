package be.bolwerk.identity.signin;

import java.time.Duration;
import org.springframework.security.core.AuthenticationException;

/** The second sign-in step was refused without checking the code: the account or address must wait. */
final class SecondFactorThrottled extends AuthenticationException {

    private final transient Duration wait;

    SecondFactorThrottled(Duration wait) {
        super("too many wrong codes");
        this.wait = wait;
    }

    Duration waitFor() {
        return wait;
    }
}
