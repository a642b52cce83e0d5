package be.bolwerk.framework;

import be.bolwerk.framework.imports.FrameworkFormat;
import be.bolwerk.framework.imports.FrameworkStore;
import be.bolwerk.framework.lifecycle.Publication;
import be.bolwerk.framework.lifecycle.PublicationStore;
import be.bolwerk.shared.Refusal;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading frameworks, and moving a version through its life cycle. Trees never change once stored, so a tree
 * read once is kept in memory for good — on every node alike — and assessments can look up their controls on
 * every answer without a query. The status does change, so it is never cached: lists and visibility checks read
 * it from the database.
 *
 * <p>Drafts exist only for the programme office: {@link #all()} and {@link #published()}, what other modules
 * use, never contain one, and {@link #forNewEvaluation} refuses anything but a published version.
 */
@Service
public class Frameworks {

    private final FrameworkStore store;
    private final PublicationStore publications;
    private final FrameworkFormat format;
    private final Map<FrameworkVersionId, Framework> trees = new ConcurrentHashMap<>();

    Frameworks(FrameworkStore store, PublicationStore publications, FrameworkFormat format) {
        this.store = store;
        this.publications = publications;
        this.format = format;
    }

    /** Every version an organisation may see: published and retired ones (the latter for their old evaluations). */
    public List<FrameworkSummary> all() {
        return library(false);
    }

    /** The versions new self-evaluations (and campaigns) may be started on. */
    public List<FrameworkSummary> published() {
        return store.summaries().stream().filter(FrameworkSummary::open).toList();
    }

    /** The library as a page lists it: with the drafts for the programme office, without for everyone else. */
    public List<FrameworkSummary> library(boolean withDrafts) {
        return store.summaries().stream()
                .filter(f -> withDrafts || f.status() != FrameworkStatus.DRAFT)
                .toList();
    }

    public Optional<FrameworkStatus> status(FrameworkVersionId id) {
        return publications.find(id).map(Publication::status);
    }

    /**
     * The version as a reader may see it: a draft only for the programme office, otherwise as if it did not exist
     * (404), so nobody learns of a framework before it is published.
     */
    public Framework visible(FrameworkVersionId id, boolean mayReadDrafts) {
        FrameworkStatus status = status(id).orElseThrow(() -> new FrameworkNotFound(id));
        if (status == FrameworkStatus.DRAFT && !mayReadDrafts) {
            throw new FrameworkNotFound(id);
        }
        return get(id);
    }

    /**
     * The version a new self-evaluation is about to start on: a draft does not exist for organisations (404), a
     * retired version is refused with the reason.
     */
    public Framework forNewEvaluation(FrameworkVersionId id) {
        FrameworkStatus status = status(id).orElseThrow(() -> new FrameworkNotFound(id));
        if (status == FrameworkStatus.DRAFT) {
            throw new FrameworkNotFound(id);
        }
        if (status == FrameworkStatus.RETIRED) {
            throw Refusal.conflict("framework.lifecycle.retiredNoStart");
        }
        return get(id);
    }

    public Optional<Framework> find(FrameworkVersionId id) {
        Framework cached = trees.get(id);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<Framework> loaded = store.find(id);
        loaded.ifPresent(framework -> trees.put(id, framework));
        return loaded;
    }

    public Framework get(FrameworkVersionId id) {
        return find(id).orElseThrow(() -> new FrameworkNotFound(id));
    }

    @Transactional
    public void publish(FrameworkVersionId id, UUID by) {
        transition(id, by, publication -> publication.publish(by));
    }

    @Transactional
    public void retire(FrameworkVersionId id, UUID by) {
        transition(id, by, publication -> publication.retire(by));
    }

    @Transactional
    public void delete(FrameworkVersionId id, UUID by) {
        transition(id, by, publication -> publication.delete(by));
        trees.remove(id);
    }

    private void transition(FrameworkVersionId id, UUID by, Consumer<Publication> step) {
        Publication publication = publications.find(id).orElseThrow(() -> new FrameworkNotFound(id));
        step.accept(publication);
        publications.save(publication, by);
    }

    /** Writes the version in Bolwerk's own format, ready to be imported elsewhere. */
    public void export(FrameworkVersionId id, OutputStream out) {
        format.write(get(id), out);
    }
}
