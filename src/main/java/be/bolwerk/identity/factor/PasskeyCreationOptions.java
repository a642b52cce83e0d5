package be.bolwerk.identity.factor;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.util.List;
import org.springframework.security.web.webauthn.api.AuthenticatorSelectionCriteria;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialCreationOptions;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialParameters;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRpEntity;
import org.springframework.security.web.webauthn.api.ResidentKeyRequirement;
import org.springframework.security.web.webauthn.api.UserVerificationRequirement;
import org.springframework.security.web.webauthn.registration.PublicKeyCredentialCreationOptionsRepository;

/**
 * Keeps the options of a passkey registration in the session between the two requests of the ceremony.
 * Spring Security's own repository stores the options object itself, which is not Serializable (7.0.x,
 * spring-security#16431) and so cannot live in our JDBC sessions. We store what registration checks —
 * relying party, challenge, user, algorithms and user-verification rule — and rebuild the options from it,
 * using Spring's constants, which its WebAuthn code compares by identity.
 */
public final class PasskeyCreationOptions implements PublicKeyCredentialCreationOptionsRepository {

    private static final String ATTRIBUTE = PasskeyCreationOptions.class.getName();
    private static final List<PublicKeyCredentialParameters> ALGORITHMS = List.of(
            PublicKeyCredentialParameters.EdDSA,
            PublicKeyCredentialParameters.ES256,
            PublicKeyCredentialParameters.ES384,
            PublicKeyCredentialParameters.ES512,
            PublicKeyCredentialParameters.RS256,
            PublicKeyCredentialParameters.RS384,
            PublicKeyCredentialParameters.RS512);

    private record Stored(
            String rpId,
            String rpName,
            String challenge,
            String userId,
            String userName,
            String userDisplayName,
            List<Long> algorithms,
            String userVerification,
            String residentKey)
            implements Serializable {}

    @Override
    public void save(
            HttpServletRequest request, HttpServletResponse response, PublicKeyCredentialCreationOptions options) {
        if (options == null) {
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.removeAttribute(ATTRIBUTE);
            }
            return;
        }
        AuthenticatorSelectionCriteria selection = options.getAuthenticatorSelection();
        request.getSession()
                .setAttribute(
                        ATTRIBUTE,
                        new Stored(
                                options.getRp().getId(),
                                options.getRp().getName(),
                                options.getChallenge().toBase64UrlString(),
                                options.getUser().getId().toBase64UrlString(),
                                options.getUser().getName(),
                                options.getUser().getDisplayName(),
                                options.getPubKeyCredParams().stream()
                                        .map(p -> p.getAlg().getValue())
                                        .toList(),
                                selection.getUserVerification().getValue(),
                                selection.getResidentKey() == null
                                        ? ResidentKeyRequirement.PREFERRED.getValue()
                                        : selection.getResidentKey().getValue()));
    }

    @Override
    public PublicKeyCredentialCreationOptions load(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null || !(session.getAttribute(ATTRIBUTE) instanceof Stored stored)) {
            return null;
        }
        return PublicKeyCredentialCreationOptions.builder()
                .rp(PublicKeyCredentialRpEntity.builder()
                        .id(stored.rpId())
                        .name(stored.rpName())
                        .build())
                .challenge(Bytes.fromBase64(stored.challenge()))
                .user(ImmutablePublicKeyCredentialUserEntity.builder()
                        .id(Bytes.fromBase64(stored.userId()))
                        .name(stored.userName())
                        .displayName(stored.userDisplayName())
                        .build())
                .pubKeyCredParams(ALGORITHMS.stream()
                        .filter(p -> stored.algorithms().contains(p.getAlg().getValue()))
                        .toList())
                .authenticatorSelection(AuthenticatorSelectionCriteria.builder()
                        .userVerification(userVerification(stored.userVerification()))
                        .residentKey(ResidentKeyRequirement.valueOf(stored.residentKey()))
                        .build())
                .build();
    }

    private static UserVerificationRequirement userVerification(String value) {
        return switch (value) {
            case "required" -> UserVerificationRequirement.REQUIRED;
            case "discouraged" -> UserVerificationRequirement.DISCOURAGED;
            default -> UserVerificationRequirement.PREFERRED;
        };
    }
}
