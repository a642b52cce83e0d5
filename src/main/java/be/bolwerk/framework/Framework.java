package be.bolwerk.framework;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One immutable version of a framework with its whole tree; the top-level nodes are its areas. */
public record Framework(
        FrameworkVersionId id,
        String code,
        String version,
        String title,
        String language,
        String description,
        Thresholds thresholds,
        FrameworkSource source,
        String mappedFrom,
        Map<String, String> mapping,
        List<Tag> tags,
        List<FrameworkNode> areas,
        Instant createdAt) {

    /** A label from the framework's vocabulary, e.g. one of the fourteen action areas. */
    public record Tag(String code, String label) {}

    public Framework {
        mapping = Map.copyOf(mapping);
        tags = List.copyOf(tags);
        areas = List.copyOf(areas);
    }

    /** Every control, depth first. */
    public List<FrameworkNode> controls() {
        return areas.stream().flatMap(area -> area.controls().stream()).toList();
    }

    public Optional<FrameworkNode> node(String ref) {
        return areas.stream()
                .flatMap(FrameworkNode::walk)
                .filter(n -> n.ref().equals(ref))
                .findFirst();
    }

    /** The area (top-level node) a control belongs to; empty when the framework has no such control. */
    public Optional<FrameworkNode> areaOf(String controlRef) {
        return areas.stream()
                .filter(a -> a.walk().anyMatch(n -> n.isControl() && n.ref().equals(controlRef)))
                .findFirst();
    }

    public Optional<String> tagLabel(String code) {
        return tags.stream().filter(t -> t.code().equals(code)).map(Tag::label).findFirst();
    }
}
