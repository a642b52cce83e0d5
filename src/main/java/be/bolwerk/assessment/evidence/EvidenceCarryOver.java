package be.bolwerk.assessment.evidence;

import be.bolwerk.assessment.evaluation.AnswersCarriedOver;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Evidence follows the answers carried over from last year, in the same transaction as the start: links as
 * they were, files by reference to the stored bytes (never copied).
 */
@Component
class EvidenceCarryOver {

    private final Evidence evidence;

    EvidenceCarryOver(Evidence evidence) {
        this.evidence = evidence;
    }

    @EventListener
    void on(AnswersCarriedOver carried) {
        evidence.carryOver(carried.organisationId(), carried.from(), carried.to(), carried.refs());
    }
}
