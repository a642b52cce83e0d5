package be.bolwerk.identity;

import be.bolwerk.shared.web.SecureCookies;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;

/**
 * The session cookie, stated once and the same under a real server and under MockMvc (where Spring Boot's
 * cookie customisation does not apply): not readable by script, not sent on cross-site sub-requests, and in
 * the prod profile Secure with the {@code __Host-} prefix ({@link SecureCookies}).
 */
@Configuration(proxyBeanMethods = false)
class SessionConfiguration {

    static final String COOKIE_NAME = "BOLWERK_SESSION";

    @Bean
    CookieSerializer cookieSerializer(@Value(SecureCookies.SWITCH) boolean secure) {
        DefaultCookieSerializer serializer = new DefaultCookieSerializer();
        serializer.setCookieName(SecureCookies.name(COOKIE_NAME, secure));
        serializer.setUseHttpOnlyCookie(true);
        serializer.setSameSite("Lax");
        serializer.setUseSecureCookie(secure);
        serializer.setCookiePath("/");
        return serializer;
    }
}
