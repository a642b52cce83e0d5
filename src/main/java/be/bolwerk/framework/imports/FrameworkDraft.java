package be.bolwerk.framework.imports;

import be.bolwerk.framework.Framework;
import be.bolwerk.framework.FrameworkNode;
import be.bolwerk.framework.Thresholds;
import java.util.List;
import java.util.Map;

/** A checked framework, ready to be stored as a new version. */
record FrameworkDraft(
        String code,
        String version,
        String title,
        String language,
        String description,
        Thresholds thresholds,
        String mappedFrom,
        Map<String, String> mapping,
        List<Framework.Tag> tags,
        List<FrameworkNode> areas) {

    int controlCount() {
        return (int) areas.stream().mapToLong(a -> a.controls().size()).sum();
    }
}
