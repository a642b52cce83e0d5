package be.bolwerk.incident.notice;

import be.bolwerk.incident.IncidentId;
import be.bolwerk.incident.event.work.NoticeDrafted;
import be.bolwerk.incident.event.work.NoticeSubmitted;
import be.bolwerk.incident.handling.Actor;
import be.bolwerk.shared.Refusal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * One notification draft: for whom (and for which obligation record, unless it is for the insurer), which fields of
 * the fact base go out and an optional cover text. Changes name the revision they started from, so two tabs or a
 * double click never overwrite a choice unseen. {@link #submit} freezes the exact text, its SHA-256 and the fields;
 * from then on the draft never changes, and a later report (a supplement) is a new draft from the current facts.
 */
public final class Notice {

    public static final int MAX_COVER = 4000;
    static final String SUBMITTED = "incident.notice.rule.submitted";
    static final String STALE = "incident.notice.rule.stale";
    static final String COVER_TOO_LONG = "incident.notice.rule.coverTooLong";
    static final String NO_FIELDS = "incident.notice.rule.noFields";
    // The same facts as an obligation's submission, so the same words (ADR 0039).
    static final String SUBMITTED_REQUIRED = "incident.obligation.rule.submittedRequired";
    static final String SUBMITTED_FUTURE = "incident.obligation.rule.submittedFuture";
    static final String CHANNEL_REQUIRED = "incident.obligation.rule.channelRequired";

    /** What went out: the exact text, its SHA-256 (hex), the fields, and when, how and with which reference. */
    public record Snapshot(
            String text,
            String sha256,
            Set<NoticeField> fields,
            Instant submittedAt,
            String channel,
            String externalReference) {}

    private final UUID id;
    private final IncidentId incidentId;
    private final UUID organisationId;
    private final NoticeRecipient recipient;
    private final UUID obligationId;
    private Set<NoticeField> fields;
    private String cover;
    private int revision;
    private final Actor createdBy;
    private final Instant createdAt;
    private Actor updatedBy;
    private Instant updatedAt;
    private Snapshot snapshot;
    private Object event;

    Notice(
            UUID id,
            IncidentId incidentId,
            UUID organisationId,
            NoticeRecipient recipient,
            UUID obligationId,
            Set<NoticeField> fields,
            String cover,
            int revision,
            Actor createdBy,
            Instant createdAt,
            Actor updatedBy,
            Instant updatedAt,
            Snapshot snapshot) {
        this.id = Objects.requireNonNull(id);
        this.incidentId = Objects.requireNonNull(incidentId);
        this.organisationId = Objects.requireNonNull(organisationId);
        this.recipient = Objects.requireNonNull(recipient);
        this.obligationId = obligationId;
        this.fields = copy(fields);
        this.cover = cover;
        this.revision = revision;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
        this.updatedBy = updatedBy;
        this.updatedAt = updatedAt;
        this.snapshot = snapshot;
    }

    /** A new draft with the recipient's default fields; {@code obligationId} is null for the insurer only. */
    static Notice draft(
            IncidentId incidentId,
            UUID organisationId,
            String reference,
            NoticeRecipient recipient,
            UUID obligationId,
            Actor by,
            Instant now) {
        if ((recipient == NoticeRecipient.INSURER) != (obligationId == null)) {
            throw new IllegalArgumentException(
                    "an authority or CSIRT draft belongs to an obligation, the insurer's not");
        }
        Notice notice = new Notice(
                UUID.randomUUID(),
                incidentId,
                organisationId,
                recipient,
                obligationId,
                NoticeField.defaults(recipient),
                null,
                0,
                by,
                now,
                by,
                now,
                null);
        notice.event = new NoticeDrafted(
                incidentId, organisationId, reference, notice.id, recipient.name(), obligationId, by.id());
        return notice;
    }

    /** Chooses the fields and the cover text; refused once submitted, when stale, without fields or too long. */
    void choose(Set<NoticeField> chosen, String coverText, int seenRevision, Actor by, Instant now) {
        requireOpen(seenRevision);
        if (chosen == null || chosen.isEmpty()) {
            throw Refusal.invalid(NO_FIELDS);
        }
        String clean = coverText == null || coverText.isBlank() ? null : coverText.strip();
        if (clean != null && clean.length() > MAX_COVER) {
            throw Refusal.invalid(COVER_TOO_LONG, MAX_COVER);
        }
        this.fields = copy(chosen);
        this.cover = clean;
        this.updatedBy = by;
        this.updatedAt = now;
    }

    /** Refused when the draft was submitted already or changed since {@code seenRevision} was read. */
    void requireOpen(int seenRevision) {
        if (snapshot != null) {
            throw Refusal.conflict(SUBMITTED);
        }
        if (seenRevision != revision) {
            throw Refusal.conflict(STALE);
        }
    }

    /**
     * Freezes what went out: {@code text} is the rendering of this draft now. The moment and the channel are checked
     * here as for an obligation (for the insurer nothing else checks them).
     */
    void submit(
            String text,
            Instant submittedAt,
            String channel,
            String externalReference,
            int seenRevision,
            String reference,
            Actor by,
            Instant now) {
        requireOpen(seenRevision);
        if (submittedAt == null) {
            throw Refusal.invalid(SUBMITTED_REQUIRED);
        }
        if (submittedAt.isAfter(now)) {
            throw Refusal.invalid(SUBMITTED_FUTURE);
        }
        if (channel == null || channel.isBlank()) {
            throw Refusal.invalid(CHANNEL_REQUIRED);
        }
        this.snapshot = new Snapshot(
                text,
                sha256(text),
                fields,
                submittedAt,
                channel.strip(),
                externalReference == null || externalReference.isBlank() ? null : externalReference.strip());
        this.updatedBy = by;
        this.updatedAt = now;
        this.event = new NoticeSubmitted(
                incidentId,
                organisationId,
                reference,
                id,
                recipient.name(),
                obligationId,
                snapshot.sha256(),
                fields.stream().map(Enum::name).toList(),
                by.id(),
                submittedAt);
    }

    /** The SHA-256 of the text as UTF-8, in lower-case hex: what a recipient can check the file against. */
    public static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static Set<NoticeField> copy(Set<NoticeField> fields) {
        return Collections.unmodifiableSet(
                fields == null || fields.isEmpty() ? EnumSet.noneOf(NoticeField.class) : EnumSet.copyOf(fields));
    }

    /** The store wrote the change: the next one must start from the revision after it. */
    void stored() {
        revision++;
    }

    public UUID id() {
        return id;
    }

    public IncidentId incidentId() {
        return incidentId;
    }

    public UUID organisationId() {
        return organisationId;
    }

    public NoticeRecipient recipient() {
        return recipient;
    }

    public UUID obligationId() {
        return obligationId;
    }

    public Set<NoticeField> fields() {
        return fields;
    }

    public String cover() {
        return cover;
    }

    public int revision() {
        return revision;
    }

    public Actor createdBy() {
        return createdBy;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Actor updatedBy() {
        return updatedBy;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public boolean submitted() {
        return snapshot != null;
    }

    /** What went out, when submitted. */
    public Optional<Snapshot> snapshot() {
        return Optional.ofNullable(snapshot);
    }

    /** The event of the last change, for the use case to publish. */
    Optional<Object> event() {
        return Optional.ofNullable(event);
    }
}
