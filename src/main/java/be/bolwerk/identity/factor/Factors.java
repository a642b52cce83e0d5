package be.bolwerk.identity.factor;

import org.springframework.security.core.authority.FactorGrantedAuthority;

/** Bolwerk's second factors, as Spring Security 7 factor authorities (it ships no TOTP factor of its own). */
public final class Factors {

    public static final String TOTP = "FACTOR_TOTP";

    /** A recovery code stands in for the authenticator app when that is lost. */
    public static final String RECOVERY_CODE = "FACTOR_RECOVERY_CODE";

    /** A passkey (WebAuthn), Spring Security's own factor; an alternative to the app once enrolled. */
    public static final String PASSKEY = FactorGrantedAuthority.WEBAUTHN_AUTHORITY;

    private Factors() {}

    public static FactorGrantedAuthority totp() {
        return FactorGrantedAuthority.fromFactor("TOTP");
    }

    public static FactorGrantedAuthority recoveryCode() {
        return FactorGrantedAuthority.fromFactor("RECOVERY_CODE");
    }

    static FactorGrantedAuthority passkey() {
        return FactorGrantedAuthority.fromAuthority(PASSKEY);
    }
}
