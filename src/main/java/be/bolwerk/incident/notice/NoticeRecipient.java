package be.bolwerk.incident.notice;

import be.bolwerk.incident.obligation.ObligationKind;
import java.util.Optional;

/**
 * Who a notification draft is for: the supervisory body for personal data (the organisation's breach authority),
 * the national CSIRT for NIS2 (the Centre for Cybersecurity Belgium) or the organisation's insurer. The first two
 * answer an obligation record; the insurer has no legal deadline, so its draft belongs to the incident only.
 */
public enum NoticeRecipient {
    AUTHORITY,
    CSIRT,
    INSURER;

    /** The recipient kind a draft for an obligation of this kind has; empty when it is not drafted here (art. 34). */
    public static Optional<NoticeRecipient> of(ObligationKind kind) {
        return switch (kind) {
            case GDPR_NOTIFICATION, GDPR_SUPPLEMENT -> Optional.of(AUTHORITY);
            case NIS2_EARLY_WARNING, NIS2_NOTIFICATION, NIS2_PROGRESS_REPORT, NIS2_FINAL_REPORT, NIS2_VOLUNTARY ->
                Optional.of(CSIRT);
            case GDPR_DATA_SUBJECTS -> Optional.empty();
        };
    }
}
