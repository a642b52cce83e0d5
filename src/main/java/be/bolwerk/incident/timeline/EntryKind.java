package be.bolwerk.incident.timeline;

import java.util.Arrays;
import java.util.List;

/** What an entry of the timeline is. {@link #ASSET_STATUS} is written by the application, never typed. */
public enum EntryKind {
    OBSERVATION,
    DECISION,
    ACTION,
    MESSAGE_FROM_ORGANISATION,
    MESSAGE_TO_ORGANISATION,
    ASSET_STATUS;

    /** The kinds a person writes. */
    public static List<EntryKind> written() {
        return Arrays.stream(values()).filter(k -> k != ASSET_STATUS).toList();
    }

    /** The kind named, or null for anything else (a filter or form value typed by hand). */
    public static EntryKind parse(String name) {
        return Arrays.stream(values())
                .filter(k -> k.name().equals(name))
                .findFirst()
                .orElse(null);
    }

    public boolean message() {
        return this == MESSAGE_FROM_ORGANISATION || this == MESSAGE_TO_ORGANISATION;
    }
}
