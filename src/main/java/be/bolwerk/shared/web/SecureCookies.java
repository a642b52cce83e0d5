package be.bolwerk.shared.web;

/**
 * Cookie names for the two settings Bolwerk runs in. Over HTTPS (the prod profile sets
 * {@code server.servlet.session.cookie.secure}) every cookie is Secure and carries the {@code __Host-} prefix,
 * which makes browsers refuse it unless it is Secure, host-only and for path {@code /} (ASVS 3.3.1, 3.3.3).
 * The embedded default runs on plain http://localhost, where such cookies would be dropped.
 */
public final class SecureCookies {

    public static final String SWITCH = "${server.servlet.session.cookie.secure:false}";

    private SecureCookies() {}

    public static String name(String base, boolean secure) {
        return secure ? "__Host-" + base : base;
    }
}
