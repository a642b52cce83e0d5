package be.bolwerk.incident.notice;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The one rendering of a draft: the page's preview, the text file, the PDF and the submitted snapshot are all this
 * text, so what was previewed, exported and recorded can never differ. The TLP label is the first line (a recipient
 * must see how far it may share before anything else); then the heading lines, the cover text when there is one, and
 * each chosen field in the fact base's order as the label, a colon and the value (a value of several lines starts on
 * the next line). A field with nothing known says so rather than disappearing: the recipient knows it was not
 * forgotten.
 */
public final class NoticeText {

    /** What every draft prints above the fields, already in Dutch. */
    public record Heading(String tlp, String title, String organisation, String subject) {}

    private NoticeText() {}

    public static String render(
            Heading heading,
            String cover,
            Set<NoticeField> fields,
            FactBase base,
            Function<NoticeField, String> label,
            String unknown) {
        List<String> lines = new ArrayList<>();
        lines.add(heading.tlp());
        lines.add(heading.title());
        lines.add(heading.organisation());
        lines.add(heading.subject());
        if (cover != null && !cover.isBlank()) {
            lines.add("");
            lines.addAll(cover.strip().lines().map(String::stripTrailing).toList());
        }
        for (NoticeField field : NoticeField.values()) {
            if (!fields.contains(field)) {
                continue;
            }
            String value = base.value(field);
            String shown = value == null ? unknown : value;
            lines.add("");
            if (shown.contains("\n")) {
                lines.add(label.apply(field) + ":");
                lines.addAll(shown.lines().map(String::stripTrailing).toList());
            } else {
                lines.add(label.apply(field) + ": " + shown);
            }
        }
        return String.join("\n", lines) + "\n";
    }
}
