package be.bolwerk.framework;

import be.bolwerk.framework.imports.FrameworkFormat;
import be.bolwerk.framework.imports.FrameworkStore;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Service;

/**
 * Reading frameworks. Versions never change once stored, so a tree read once is kept in memory for good —
 * on every node alike — and assessments can look up their controls on every answer without a query.
 */
@Service
public class Frameworks {

    private final FrameworkStore store;
    private final FrameworkFormat format;
    private final Map<FrameworkVersionId, Framework> trees = new ConcurrentHashMap<>();

    Frameworks(FrameworkStore store, FrameworkFormat format) {
        this.store = store;
        this.format = format;
    }

    public List<FrameworkSummary> all() {
        return store.summaries();
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

    /** Writes the version in Bolwerk's own format, ready to be imported elsewhere. */
    public void export(FrameworkVersionId id, OutputStream out) {
        format.write(get(id), out);
    }
}
