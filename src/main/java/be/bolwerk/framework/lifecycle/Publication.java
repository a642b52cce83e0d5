package be.bolwerk.framework.lifecycle;

import be.bolwerk.framework.FrameworkDeleted;
import be.bolwerk.framework.FrameworkPublished;
import be.bolwerk.framework.FrameworkRetired;
import be.bolwerk.framework.FrameworkStatus;
import be.bolwerk.framework.FrameworkVersionId;
import be.bolwerk.shared.Refusal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Where one framework version stands in its life cycle. The tree itself never changes (ADR 0010); only this
 * status moves, forward only: a draft is published or deleted, a published version is retired. Each transition
 * raises its past-tense event for the audit trail and any module that cares.
 */
public final class Publication {

    private final FrameworkVersionId id;
    private final String code;
    private final String version;
    private final FrameworkStatus was;
    private FrameworkStatus status;
    private boolean deleted;
    private final List<Object> events = new ArrayList<>();

    Publication(FrameworkVersionId id, String code, String version, FrameworkStatus status) {
        this.id = id;
        this.code = code;
        this.version = version;
        this.was = status;
        this.status = status;
    }

    public void publish(UUID by) {
        if (status != FrameworkStatus.DRAFT) {
            throw Refusal.conflict("framework.lifecycle.notDraft");
        }
        status = FrameworkStatus.PUBLISHED;
        events.add(new FrameworkPublished(id, code, version, by));
    }

    public void retire(UUID by) {
        if (status != FrameworkStatus.PUBLISHED) {
            throw Refusal.conflict("framework.lifecycle.notPublished");
        }
        status = FrameworkStatus.RETIRED;
        events.add(new FrameworkRetired(id, code, version, by));
    }

    /** Only a draft goes: no self-evaluation can have started on it, so nothing refers to it. */
    public void delete(UUID by) {
        if (status != FrameworkStatus.DRAFT) {
            throw Refusal.conflict("framework.lifecycle.onlyDrafts");
        }
        deleted = true;
        events.add(new FrameworkDeleted(id, code, version, by));
    }

    public FrameworkVersionId id() {
        return id;
    }

    public FrameworkStatus status() {
        return status;
    }

    /** The status it was read with, so the store writes only if nobody moved it in the meantime. */
    FrameworkStatus was() {
        return was;
    }

    boolean deleted() {
        return deleted;
    }

    List<Object> takeEvents() {
        List<Object> taken = List.copyOf(events);
        events.clear();
        return taken;
    }
}
