package be.bolwerk.incident.notice;

import be.bolwerk.incident.Tlp;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * The incident as it is now, one Dutch text per {@link NoticeField} (null when nothing is known), with what every
 * draft prints on top: the incident's TLP label, its reference and its organisation. Built by {@link FactBases};
 * TLP:RED indicators never get in (RED is for the people present only).
 */
public record FactBase(Tlp tlp, String reference, String organisationName, Map<NoticeField, String> values) {

    public FactBase {
        Map<NoticeField, String> copy = new EnumMap<>(NoticeField.class);
        values.forEach((field, value) -> {
            if (value != null && !value.isBlank()) {
                copy.put(field, value.strip());
            }
        });
        values = Collections.unmodifiableMap(copy);
    }

    /** The field's current value, or null when nothing is known. */
    public String value(NoticeField field) {
        return values.get(field);
    }
}
