package be.bolwerk.identity.factor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;

import be.bolwerk.shared.security.CurrentUser;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialCreationOptions;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRequestOptions;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthenticationRequestToken;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialCreationOptionsRequest;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialRequestOptionsRequest;
import org.springframework.security.web.webauthn.management.RelyingPartyAuthenticationRequest;
import org.springframework.security.web.webauthn.management.RelyingPartyRegistrationRequest;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;

/**
 * A passkey is only ever the second step of the account that gave its password. The signature check itself is
 * webauthn4j's (proven end to end with a virtual authenticator in BrowserTests); here it is replaced by a
 * relying party that answers with a chosen owner or refuses.
 */
class PasskeyProviderTests {

    private static final String ILSE = "ilse@appelkerke.invalid";

    @AfterEach
    void clearContext() {
        SecurityContextHolder.clearContext();
    }

    private static CurrentUser user(String email) {
        return new CurrentUser(UUID.randomUUID(), email, "Ilse", "{noop}x", true, Set.of(), Map.of());
    }

    private static void passwordStepOf(String email) {
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        user(email),
                        null,
                        List.of(FactorGrantedAuthority.fromAuthority(FactorGrantedAuthority.PASSWORD_AUTHORITY))));
    }

    private static PasskeyProvider providerWhosePasskeyBelongsTo(String owner) {
        return new PasskeyProvider(new FixedRelyingParty(owner), PasskeyProviderTests::user);
    }

    private static WebAuthnAuthenticationRequestToken signedAssertion() {
        return new WebAuthnAuthenticationRequestToken(mock(RelyingPartyAuthenticationRequest.class));
    }

    @Test
    void thePasskeyOfTheSameAccountAddsThePasskeyFactorAndKeepsOurPrincipal() {
        passwordStepOf(ILSE);

        Authentication result = providerWhosePasskeyBelongsTo(ILSE).authenticate(signedAssertion());

        assertThat(result.getPrincipal())
                .isInstanceOfSatisfying(
                        CurrentUser.class, u -> assertThat(u.email()).isEqualTo(ILSE));
        assertThat(result.getAuthorities())
                .extracting(GrantedAuthority::getAuthority)
                .contains(FactorGrantedAuthority.WEBAUTHN_AUTHORITY);
        assertThat(result.getCredentials()).isNull();
    }

    @Test
    void thePasskeyOfAnotherAccountIsRefused() {
        passwordStepOf(ILSE);

        assertThatThrownBy(() ->
                        providerWhosePasskeyBelongsTo("mehmet@munthove.invalid").authenticate(signedAssertion()))
                .isInstanceOf(BadCredentialsException.class);
    }

    @Test
    void aPasskeyWithoutThePasswordStepIsRefused() {
        assertThatThrownBy(() -> providerWhosePasskeyBelongsTo(ILSE).authenticate(signedAssertion()))
                .isInstanceOf(BadCredentialsException.class);
    }

    @Test
    void aSignatureTheRelyingPartyRefusesIsBadCredentialsNotAServerError() {
        passwordStepOf(ILSE);

        assertThatThrownBy(() -> new PasskeyProvider(new FixedRelyingParty(null), PasskeyProviderTests::user)
                        .authenticate(signedAssertion()))
                .isInstanceOf(BadCredentialsException.class);
    }

    /** Answers every assertion with the given owner; with {@code null} it refuses like a bad signature. */
    private record FixedRelyingParty(String owner) implements WebAuthnRelyingPartyOperations {

        @Override
        public PublicKeyCredentialUserEntity authenticate(RelyingPartyAuthenticationRequest request) {
            if (owner == null) {
                throw new IllegalArgumentException("signature does not verify");
            }
            return ImmutablePublicKeyCredentialUserEntity.builder()
                    .id(Bytes.random())
                    .name(owner)
                    .displayName(owner)
                    .build();
        }

        @Override
        public PublicKeyCredentialCreationOptions createPublicKeyCredentialCreationOptions(
                PublicKeyCredentialCreationOptionsRequest request) {
            throw new UnsupportedOperationException();
        }

        @Override
        public CredentialRecord registerCredential(RelyingPartyRegistrationRequest request) {
            throw new UnsupportedOperationException();
        }

        @Override
        public PublicKeyCredentialRequestOptions createCredentialRequestOptions(
                PublicKeyCredentialRequestOptionsRequest request) {
            throw new UnsupportedOperationException();
        }
    }
}
