package be.bolwerk.engagement.work;

import be.bolwerk.engagement.EngagementId;
import be.bolwerk.shared.BelgianTime;
import java.time.Clock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes the evidence files of every engagement whose deletion date has passed, one engagement per
 * transaction so that one failure does not hold up the others. Each deletion is audited with the number of
 * files (the event {@code EngagementEvidenceDeleted}), also when there were none, so the trail shows the date
 * was honoured.
 */
@Service
public class EvidenceDeletion {

    private final EngagementStore store;
    private final FindingStore findings;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final EngagementMails mails;
    private final Clock clock;

    EvidenceDeletion(
            EngagementStore store,
            FindingStore findings,
            ApplicationEventPublisher events,
            TransactionTemplate transactions,
            EngagementMails mails,
            Clock clock) {
        this.mails = mails;
        this.store = store;
        this.findings = findings;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Returns how many engagements had their evidence deleted now. */
    public int deleteDue() {
        int done = 0;
        for (EngagementId id : store.evidenceDue(BelgianTime.today(clock))) {
            Boolean deleted = transactions.execute(status -> delete(id));
            if (Boolean.TRUE.equals(deleted)) {
                done++;
            }
        }
        return done;
    }

    private boolean delete(EngagementId id) {
        Engagement engagement = store.find(id).orElse(null);
        if (engagement == null
                || engagement.evidenceDeletedAt() != null
                || engagement.evidenceDeleteOn() == null
                || !engagement.evidenceDeleteOn().isBefore(BelgianTime.today(clock))) {
            return false;
        }
        int files = findings.deleteEvidence(id);
        engagement.evidenceDeleted(files, clock.instant());
        store.update(engagement);
        mails.evidenceDeleted(engagement, files);
        engagement.events().forEach(events::publishEvent);
        return true;
    }
}
