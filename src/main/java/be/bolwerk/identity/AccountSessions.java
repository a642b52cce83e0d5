package be.bolwerk.identity;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/**
 * The sessions of an account, across all nodes (they live in the database): to list them, and to end one or
 * all of them. Spring Session indexes sessions by the signed-in e-mail address.
 */
@Component
class AccountSessions {

    /** One session as its owner sees it. */
    public record SessionView(String id, Instant createdAt, Instant lastUsedAt, boolean current) {}

    private final ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> repository;

    /**
     * The session repository exists only in a web application; a provider lets the same beans start for the
     * command-line verification of the audit trail ({@code --spring.main.web-application-type=none}), which
     * never touches a session.
     */
    AccountSessions(ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> repository) {
        this.repository = repository;
    }

    List<SessionView> of(String email, String currentId) {
        return repository.getObject().findByPrincipalName(email).values().stream()
                .map(s -> new SessionView(
                        s.getId(),
                        s.getCreationTime(),
                        s.getLastAccessedTime(),
                        s.getId().equals(currentId)))
                .sorted(Comparator.comparing(SessionView::lastUsedAt).reversed())
                .toList();
    }

    /** Ends the session if it belongs to this account; false when it does not exist or is someone else's. */
    boolean end(String email, String sessionId) {
        if (!repository.getObject().findByPrincipalName(email).containsKey(sessionId)) {
            return false;
        }
        repository.getObject().deleteById(sessionId);
        return true;
    }

    /** Ends every session of the account, on every node. */
    void endAll(String email) {
        repository.getObject().findByPrincipalName(email).keySet().forEach(repository.getObject()::deleteById);
    }

    /** Ends every session of the account except the one in use. Returns how many were ended. */
    int endOthers(String email, String currentId) {
        int ended = 0;
        for (String id : repository.getObject().findByPrincipalName(email).keySet()) {
            if (!id.equals(currentId)) {
                repository.getObject().deleteById(id);
                ended++;
            }
        }
        return ended;
    }
}
