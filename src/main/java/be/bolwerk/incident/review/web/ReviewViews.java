package be.bolwerk.incident.review.web;

import be.bolwerk.incident.review.Lesson;
import be.bolwerk.incident.review.RootCause;
import be.bolwerk.shared.BelgianTime;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

/**
 * The lessons page's rows with their moments written out in Brussels time. Public records because the template
 * reads them (ADR 0028 addendum).
 */
public final class ReviewViews {

    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm");

    /** The root cause with who wrote it when. */
    public record RootCauseView(String text, String by, String at) {}

    /** One lesson; {@code adoptedBy}/{@code adoptedAt} are null until it is in the improvement plan. */
    public record LessonRow(
            UUID id,
            String title,
            String detail,
            String priorityKey,
            String by,
            String at,
            String adoptedBy,
            String adoptedAt) {

        public boolean adopted() {
            return adoptedAt != null;
        }
    }

    private ReviewViews() {}

    static RootCauseView rootCause(RootCause cause) {
        return cause == null ? null : new RootCauseView(cause.text(), cause.recorderName(), moment(cause.recordedAt()));
    }

    static List<LessonRow> lessons(List<Lesson> lessons) {
        return lessons.stream()
                .map(l -> new LessonRow(
                        l.id(),
                        l.title(),
                        l.detail(),
                        "incident.severity." + l.priority(),
                        l.creatorName(),
                        moment(l.createdAt()),
                        l.adopterName(),
                        l.adoptedAt() == null ? null : moment(l.adoptedAt())))
                .toList();
    }

    static String moment(Instant instant) {
        return instant == null ? null : MOMENT.format(instant.atZone(BelgianTime.ZONE));
    }
}
