package be.bolwerk.identity;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;

/**
 * The session cookie, stated once and the same under a real server and under MockMvc (where Spring Boot's
 * cookie customisation does not apply): not readable by script, not sent on cross-site sub-requests, and
 * Secure wherever {@code server.servlet.session.cookie.secure} says so (the prod profile).
 */
@Configuration(proxyBeanMethods = false)
class SessionConfiguration {

    static final String COOKIE_NAME = "BOLWERK_SESSION";

    @Bean
    CookieSerializer cookieSerializer(@Value("${server.servlet.session.cookie.secure:false}") boolean secure) {
        DefaultCookieSerializer serializer = new DefaultCookieSerializer();
        serializer.setCookieName(COOKIE_NAME);
        serializer.setUseHttpOnlyCookie(true);
        serializer.setSameSite("Lax");
        serializer.setUseSecureCookie(secure);
        serializer.setCookiePath("/");
        return serializer;
    }
}
