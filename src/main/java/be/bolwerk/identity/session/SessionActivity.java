package be.bolwerk.identity.session;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Writes a session's last activity to the database at most once a minute, not on every request. Spring Session
 * stamps every request's time on the session, which turns every page view into an UPDATE of the session row:
 * 13 % of the request threads' time on the organisation list (docs/performance.md). Only the stamp is held
 * back; a session whose attributes change is saved as before.
 *
 * <p>The idle timeout still holds, and errs on the safe side: the stored activity is at most {@link #GRANULARITY}
 * older than the real one, so a session can end up to a minute before its 30 idle minutes are over, never after.
 * The absolute limit reads the creation time, which this does not touch ({@link SessionLifetimeFilter}).
 *
 * <p>Two more round trips per request are saved here (docs/performance.md, the incident burst). A session nothing
 * changed is not saved: Spring Session would open and commit an empty transaction for it. And the session just
 * saved is what a lookup of its id answers for the rest of that request: after saving, Spring Session's filter
 * reads the session back only to decide whether to send the cookie again (spring-session issue 1731), which would
 * be a third query. That answer never outlives the request ({@link #forgetSavedAfterEachRequest}), so a session
 * ended elsewhere (sign-out in another tab, revoked from the session list) is read as ended by the next request.
 */
@Configuration(proxyBeanMethods = false)
class SessionActivity {

    static final Duration GRANULARITY = Duration.ofMinutes(1);

    /** The session this thread's request saved last, for the read-back that follows the save. */
    private static final ThreadLocal<Session> SAVED = new ThreadLocal<>();

    /** Wraps the JDBC repository where Spring Session and the session list of an account find it. */
    @Bean
    static BeanPostProcessor sessionActivityPerMinute() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return bean instanceof JdbcIndexedSessionRepository jdbc ? new Repository<>(jdbc) : bean;
            }
        };
    }

    /** Around Spring Session's filter, so that what a request saved is forgotten once its session is committed. */
    @Bean
    static FilterRegistrationBean<OncePerRequestFilter> forgetSavedAfterEachRequest() {
        FilterRegistrationBean<OncePerRequestFilter> registration =
                new FilterRegistrationBean<>(new OncePerRequestFilter() {
                    @Override
                    protected void doFilterInternal(
                            HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                            throws ServletException, IOException {
                        SAVED.remove();
                        try {
                            chain.doFilter(request, response);
                        } finally {
                            SAVED.remove();
                        }
                    }
                });
        registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER - 1);
        return registration;
    }

    /** Hands out sessions whose activity stamp only moves once the stored one is a minute old. */
    static final class Repository<S extends Session> implements FindByIndexNameSessionRepository<Session> {

        private final FindByIndexNameSessionRepository<S> delegate;

        Repository(FindByIndexNameSessionRepository<S> delegate) {
            this.delegate = delegate;
        }

        @Override
        public Session createSession() {
            Stamped<S> session = new Stamped<>(delegate.createSession());
            session.changed = true;
            return session;
        }

        @Override
        public void save(Session session) {
            if (session instanceof Stamped<?> stamped) {
                if (stamped.changed) {
                    delegate.save(unwrap(stamped));
                    stamped.changed = false;
                }
            } else {
                delegate.save(unwrap(session));
            }
            SAVED.set(session);
        }

        /**
         * A cookie value that is not one of our ids (any bytes a client base64-encodes, a NUL included, which
         * PostgreSQL refuses in a text parameter) is no session: answered without a query, so it can never
         * become a 500.
         */
        @Override
        public Session findById(String id) {
            if (id == null || !SessionConfiguration.SESSION_ID.matcher(id).matches()) {
                return null;
            }
            Session saved = SAVED.get();
            if (saved != null && saved.getId().equals(id)) {
                return saved;
            }
            S session = delegate.findById(id);
            return session == null ? null : new Stamped<>(session);
        }

        @Override
        public void deleteById(String id) {
            SAVED.remove();
            delegate.deleteById(id);
        }

        @Override
        public Map<String, Session> findByIndexNameAndIndexValue(String indexName, String indexValue) {
            return new LinkedHashMap<>(delegate.findByIndexNameAndIndexValue(indexName, indexValue));
        }

        @SuppressWarnings("unchecked")
        private S unwrap(Session session) {
            return session instanceof Stamped<?> stamped ? (S) stamped.session : (S) session;
        }
    }

    /** A session of the repository above; everything but the activity stamp goes straight through. */
    private static final class Stamped<S extends Session> implements Session {

        private final S session;

        /** Whether anything was set since the session was loaded or last saved: only then is there a write. */
        private boolean changed;

        Stamped(S session) {
            this.session = session;
        }

        @Override
        public void setLastAccessedTime(Instant lastAccessedTime) {
            if (!lastAccessedTime.isBefore(session.getLastAccessedTime().plus(GRANULARITY))) {
                session.setLastAccessedTime(lastAccessedTime);
                changed = true;
            }
        }

        @Override
        public Instant getLastAccessedTime() {
            return session.getLastAccessedTime();
        }

        @Override
        public String getId() {
            return session.getId();
        }

        @Override
        public String changeSessionId() {
            changed = true;
            return session.changeSessionId();
        }

        @Override
        public <T> T getAttribute(String attributeName) {
            return session.getAttribute(attributeName);
        }

        @Override
        public Set<String> getAttributeNames() {
            return session.getAttributeNames();
        }

        @Override
        public void setAttribute(String attributeName, Object attributeValue) {
            changed = true;
            session.setAttribute(attributeName, attributeValue);
        }

        @Override
        public void removeAttribute(String attributeName) {
            changed = true;
            session.removeAttribute(attributeName);
        }

        @Override
        public Instant getCreationTime() {
            return session.getCreationTime();
        }

        @Override
        public void setMaxInactiveInterval(Duration interval) {
            changed = true;
            session.setMaxInactiveInterval(interval);
        }

        @Override
        public Duration getMaxInactiveInterval() {
            return session.getMaxInactiveInterval();
        }

        @Override
        public boolean isExpired() {
            return session.isExpired();
        }
    }
}
