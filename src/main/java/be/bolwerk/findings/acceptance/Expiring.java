package be.bolwerk.findings.acceptance;

import be.bolwerk.findings.RiskAcceptanceId;
import be.bolwerk.findings.register.Raising;
import be.bolwerk.shared.BelgianTime;
import be.bolwerk.shared.Refusal;
import java.time.Clock;
import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The daily work on active acceptances, each in its own transaction so that one that fails does not hold the
 * others back: those whose expiry date came expire (their findings reopen with the SLA restarted on the expiry
 * day), and the owners of those that expire within 30 days are warned. Running it twice changes nothing more: an
 * expired acceptance is no longer active, and each warning goes once.
 */
@Service
public class Expiring {

    private static final Logger log = LoggerFactory.getLogger(Expiring.class);

    /** What one run did. */
    public record Outcome(int expired, int warned) {}

    private final RiskAcceptanceStore store;
    private final Accepting accepting;
    private final Clock clock;

    Expiring(RiskAcceptanceStore store, Accepting accepting, Clock clock) {
        this.store = store;
        this.accepting = accepting;
        this.clock = clock;
    }

    public Outcome run() {
        LocalDate today = BelgianTime.today(clock);
        int expired = 0;
        for (RiskAcceptanceId id : store.dueToExpire(today)) {
            try {
                if (accepting.expire(id, Raising.SOURCE)) {
                    expired++;
                }
            } catch (Refusal stale) {
                log.info("Risk acceptance {} changed while it expired; the next run looks again", id);
            }
        }
        int warned = 0;
        for (RiskAcceptanceId id : store.dueForWarning(today)) {
            accepting.warn(id);
            warned++;
        }
        return new Outcome(expired, warned);
    }
}
