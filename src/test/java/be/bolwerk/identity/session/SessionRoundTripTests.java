package be.bolwerk.identity.session;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.FilterChain;
import java.io.IOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.MapSession;
import org.springframework.session.MapSessionRepository;
import org.springframework.session.Session;

/**
 * The round trips {@link SessionActivity} saves, against a repository that counts what reaches it: a session
 * nothing changed is not written, and the read-back after a save is answered from that save only within the same
 * request.
 */
class SessionRoundTripTests {

    private final Counting store = new Counting();
    private final SessionActivity.Repository<MapSession> sessions = new SessionActivity.Repository<>(store);

    @AfterEach
    void endRequest() throws Exception {
        inOneRequest(() -> {});
    }

    @Test
    void aSessionNothingChangedIsNotWritten() {
        String id = stored();
        Session session = sessions.findById(id);
        session.getAttribute("SPRING_SECURITY_CONTEXT");

        sessions.save(session);

        assertThat(store.saves).isZero();
    }

    @Test
    void aSessionWithAChangedAttributeIsWrittenOnceThoughSavedTwice() {
        String id = stored();
        Session session = sessions.findById(id);
        session.setAttribute("flash", "Opgeslagen");

        sessions.save(session);
        sessions.save(session);

        assertThat(store.saves).isEqualTo(1);
        assertThat(store.sessions.get(id).<String>getAttribute("flash")).isEqualTo("Opgeslagen");
    }

    @Test
    void aNewSessionIsAlwaysWritten() {
        Session session = sessions.createSession();

        sessions.save(session);

        assertThat(store.saves).isEqualTo(1);
        assertThat(store.sessions).containsKey(session.getId());
    }

    @Test
    void theReadBackAfterASaveInTheSameRequestCostsNoQuery() throws Exception {
        String id = stored();
        inOneRequest(() -> {
            Session session = sessions.findById(id);
            sessions.save(session);

            assertThat(sessions.findById(id)).isSameAs(session);
        });
        assertThat(store.reads).isEqualTo(1);
    }

    /** Signed out in another tab between two requests on the same thread: the next request reads it as ended. */
    @Test
    void theNextRequestReadsTheStoreAgainAndSeesASessionEndedElsewhere() throws Exception {
        String id = stored();
        inOneRequest(() -> sessions.save(sessions.findById(id)));

        store.deleteById(id);

        inOneRequest(() -> assertThat(sessions.findById(id)).isNull());
        assertThat(store.reads).isEqualTo(2);
    }

    @Test
    void aSessionDeletedInTheRequestIsNotHandedBack() throws Exception {
        String id = stored();
        inOneRequest(() -> {
            sessions.save(sessions.findById(id));
            sessions.deleteById(id);

            assertThat(sessions.findById(id)).isNull();
        });
    }

    @Test
    void anotherIdIsReadFromTheStore() throws Exception {
        String first = stored();
        String second = stored();
        inOneRequest(() -> {
            sessions.save(sessions.findById(first));

            assertThat(sessions.findById(second).getId()).isEqualTo(second);
        });
        assertThat(store.reads).isEqualTo(2);
    }

    private String stored() {
        // A UUID's 32 hex digits and four more: the 36 characters of our session ids.
        MapSession session = new MapSession(UUID.randomUUID().toString().replace("-", "") + "abcd");
        session.setLastAccessedTime(Instant.now());
        store.sessions.put(session.getId(), session);
        return session.getId();
    }

    /** Runs the body as one request through the filter that bounds what a save is remembered for. */
    private static void inOneRequest(ThrowingRunnable body) throws Exception {
        FilterChain chain = (request, response) -> {
            try {
                body.run();
            } catch (IOException | RuntimeException | Error e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
        SessionActivity.forgetSavedAfterEachRequest()
                .getFilter()
                .doFilter(new MockHttpServletRequest(), new MockHttpServletResponse(), chain);
    }

    @FunctionalInterface
    private interface ThrowingRunnable {
        void run() throws Exception;
    }

    /** A map store that counts reads and writes, and keeps copies as a database would. */
    private static final class Counting implements FindByIndexNameSessionRepository<MapSession> {

        final Map<String, Session> sessions = new HashMap<>();
        private final MapSessionRepository map = new MapSessionRepository(sessions);
        int reads;
        int saves;

        @Override
        public MapSession createSession() {
            return map.createSession();
        }

        @Override
        public void save(MapSession session) {
            saves++;
            map.save(session);
        }

        @Override
        public MapSession findById(String id) {
            reads++;
            return map.findById(id);
        }

        @Override
        public void deleteById(String id) {
            map.deleteById(id);
        }

        @Override
        public Map<String, MapSession> findByIndexNameAndIndexValue(String indexName, String indexValue) {
            return Map.of();
        }
    }
}
