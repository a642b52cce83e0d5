package be.bolwerk.identity.session;

import be.bolwerk.shared.web.SecureCookies;
import java.security.SecureRandom;
import java.sql.DatabaseMetaData;
import java.util.Base64;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.session.SessionIdGenerator;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;

/**
 * The session cookie, stated once and the same under a real server and under MockMvc (where Spring Boot's
 * cookie customisation does not apply): not readable by script, not sent on cross-site sub-requests, and in
 * the prod profile Secure with the {@code __Host-} prefix ({@link SecureCookies}).
 */
@Configuration(proxyBeanMethods = false)
public class SessionConfiguration {

    public static final String COOKIE_NAME = "BOLWERK_SESSION";

    /** What {@link #sessionIdGenerator} makes; anything else in a cookie is no session and is never looked up. */
    static final Pattern SESSION_ID = Pattern.compile("[A-Za-z0-9_-]{36}");

    /**
     * Session ids of 216 random bits (ASVS 7.2.3 asks for at least 128; Spring's default is a UUID with 122).
     * 27 bytes in base64url are exactly 36 characters, the width of the session id columns.
     */
    @Bean
    SessionIdGenerator sessionIdGenerator() {
        SecureRandom random = new SecureRandom();
        Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
        return () -> {
            byte[] bytes = new byte[27];
            random.nextBytes(bytes);
            return encoder.encodeToString(bytes);
        };
    }

    /**
     * Two requests of one session that each store a new attribute at the same moment (a flash message after a
     * double click, two tabs) would both insert the same attribute row, and the second answered 500 with a
     * duplicate key after its change had committed. Storing an attribute is an upsert instead: PostgreSQL's
     * {@code ON CONFLICT} through Spring Session's own customizer, H2's {@code MERGE ... KEY}.
     */
    @Bean
    SessionRepositoryCustomizer<JdbcIndexedSessionRepository> attributeUpserts(DataSource dataSource)
            throws MetaDataAccessException {
        String product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
        if ("PostgreSQL".equals(product)) {
            return new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
        }
        return repository -> repository.setCreateSessionAttributeQuery(H2_ATTRIBUTE_UPSERT);
    }

    private static final String H2_ATTRIBUTE_UPSERT = """
            MERGE INTO %TABLE_NAME%_ATTRIBUTES (SESSION_PRIMARY_ID, ATTRIBUTE_NAME, ATTRIBUTE_BYTES)
            KEY (SESSION_PRIMARY_ID, ATTRIBUTE_NAME)
            VALUES (?, ?, ?)
            """;

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
