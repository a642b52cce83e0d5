package be.bolwerk.shared.web;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The security headers every answer carries, stated once: Spring Security's header writers send them on the
 * filter chains, and the answers given before those writers run (a request the firewall or Tomcat refuses)
 * write them through {@link #write}. Keep both in step: {@code MalformedRequestTests} and
 * {@code SecurityTests#pagesCarryStrictSecurityHeaders} check the same values.
 */
public final class SecurityHeaders {

    /** No inline script or style anywhere; htmx is configured through a meta tag not to inject styles. */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
            + "form-action 'self'; frame-ancestors 'none'";

    public static final String PERMISSIONS_POLICY =
            "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()";

    public static final String REFERRER_POLICY = "strict-origin-when-cross-origin";

    /** One year, subdomains included; like Spring Security, only sent over HTTPS. */
    public static final String STRICT_TRANSPORT_SECURITY = "max-age=31536000 ; includeSubDomains";

    private SecurityHeaders() {}

    /** Writes the full set, as Spring Security's defaults plus our policies would, onto a refusal. */
    public static void write(HttpServletResponse response, boolean secure) {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-XSS-Protection", "0");
        response.setHeader("Cache-Control", "no-cache, no-store, max-age=0, must-revalidate");
        response.setHeader("Pragma", "no-cache");
        response.setHeader("Expires", "0");
        if (secure) {
            response.setHeader("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
        }
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("Referrer-Policy", REFERRER_POLICY);
        response.setHeader("Permissions-Policy", PERMISSIONS_POLICY);
    }
}
