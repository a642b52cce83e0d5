package be.bolwerk.identity.signin;

import be.bolwerk.identity.factor.Factors;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.FactorAuthorizationDecision;
import org.springframework.security.authorization.RequiredFactor;
import org.springframework.security.authorization.RequiredFactorError;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;

/**
 * Every account needs its password AND a second factor (an authenticator code, a recovery code or a passkey); an API
 * request may instead present a personal token, which only a fully signed-in person can create. Spring
 * Security 7.0 only combines factors with AND, so the OR is ours; answering with a
 * {@link FactorAuthorizationDecision} keeps its redirect to the page that collects the missing factor.
 */
public final class SecondFactorRule<T> implements AuthorizationManager<T> {

    private static final RequiredFactor PASSWORD = RequiredFactor.withAuthority(
                    FactorGrantedAuthority.PASSWORD_AUTHORITY)
            .build();
    private static final RequiredFactor TOTP =
            RequiredFactor.withAuthority(Factors.TOTP).build();

    @Override
    public AuthorizationResult authorize(Supplier<? extends Authentication> authentication, T object) {
        Authentication current = authentication.get();
        Set<String> held = current == null || !current.isAuthenticated()
                ? Set.of()
                : current.getAuthorities().stream()
                        .map(GrantedAuthority::getAuthority)
                        .collect(Collectors.toSet());
        if (held.contains(FactorGrantedAuthority.BEARER_AUTHORITY)) {
            return new FactorAuthorizationDecision(List.of());
        }
        if (!held.contains(FactorGrantedAuthority.PASSWORD_AUTHORITY)) {
            return new FactorAuthorizationDecision(List.of(RequiredFactorError.createMissing(PASSWORD)));
        }
        if (held.contains(Factors.TOTP) || held.contains(Factors.RECOVERY_CODE) || held.contains(Factors.PASSKEY)) {
            return new FactorAuthorizationDecision(List.of());
        }
        return new FactorAuthorizationDecision(List.of(RequiredFactorError.createMissing(TOTP)));
    }
}
