package be.bolwerk.identity.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;

/**
 * Two requests of one session that both store the same new attribute (a flash message after a double click, two
 * tabs): each loaded the session before the other saved, so each inserts the attribute. The second must not fail.
 */
@SpringBootTest
class SessionAttributeRaceTests {

    private final SessionRepository<Session> sessions;

    @SuppressWarnings("unchecked")
    SessionAttributeRaceTests(@Autowired SessionRepository<?> sessions) {
        this.sessions = (SessionRepository<Session>) sessions;
    }

    @Test
    void twoRequestsStoringTheSameNewAttributeBothSucceedAndTheLastOneWins() {
        Session created = sessions.createSession();
        sessions.save(created);
        Session first = sessions.findById(created.getId());
        Session second = sessions.findById(created.getId());

        first.setAttribute("flash", "eerste");
        sessions.save(first);
        second.setAttribute("flash", "tweede");

        assertThatCode(() -> sessions.save(second)).doesNotThrowAnyException();
        assertThat((String) sessions.findById(created.getId()).getAttribute("flash"))
                .isEqualTo("tweede");
        sessions.deleteById(created.getId());
    }
}
