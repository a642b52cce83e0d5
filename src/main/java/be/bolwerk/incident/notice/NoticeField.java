package be.bolwerk.incident.notice;

import static be.bolwerk.incident.notice.NoticeRecipient.AUTHORITY;
import static be.bolwerk.incident.notice.NoticeRecipient.CSIRT;
import static be.bolwerk.incident.notice.NoticeRecipient.INSURER;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The fixed fact base a notification is drafted from, in the order a draft prints it (ADR 0042), and which fields go
 * to whom unless the user changes it: the authority gets the personal-data fields and the measures, the CSIRT the
 * technical fields and the indicators, the insurer the policy, the impact and what drives the costs. Labels are in
 * messages ({@code incident.notice.field.*}); the names are stored with a draft, so a field is never renamed.
 */
public enum NoticeField {
    WHAT_HAPPENED(AUTHORITY, CSIRT, INSURER),
    STARTED_NOTICED(AUTHORITY, CSIRT, INSURER),
    HOW_NOTICED(CSIRT),
    ONGOING(AUTHORITY, CSIRT, INSURER),
    SYSTEMS(CSIRT, INSURER),
    PERSONAL_DATA(AUTHORITY),
    CITIZENS_AFFECTED(AUTHORITY),
    ACTIONS_TAKEN(AUTHORITY, CSIRT, INSURER),
    ALREADY_INFORMED(AUTHORITY),
    RANSOMWARE(CSIRT, INSURER),
    POLICE_COMPLAINT(INSURER),
    INSURER_POLICY(INSURER),
    DETECTED_AT(CSIRT, INSURER),
    BECAME_AWARE_AT(AUTHORITY, CSIRT),
    PERSONAL_DATA_KNOWN_AT(AUTHORITY),
    STARTED_AT(AUTHORITY, CSIRT, INSURER),
    RESOLVED_AT(AUTHORITY, CSIRT, INSURER),
    CATEGORY(AUTHORITY, CSIRT, INSURER),
    SEVERITY(CSIRT, INSURER),
    STATUS(AUTHORITY, CSIRT, INSURER),
    OUTCOME(CSIRT, INSURER),
    IMPACT(AUTHORITY, CSIRT, INSURER),
    ASSETS(CSIRT, INSURER),
    INDICATORS(CSIRT),
    ROOT_CAUSE(CSIRT, INSURER),
    LESSONS(CSIRT);

    private final Set<NoticeRecipient> byDefault;

    NoticeField(NoticeRecipient... byDefault) {
        this.byDefault = EnumSet.copyOf(Arrays.asList(byDefault));
    }

    /** The fields a new draft for this recipient starts with, in print order. */
    public static Set<NoticeField> defaults(NoticeRecipient recipient) {
        Set<NoticeField> chosen = new LinkedHashSet<>();
        for (NoticeField field : values()) {
            if (field.byDefault.contains(recipient)) {
                chosen.add(field);
            }
        }
        return chosen;
    }

    /** The fields named, in print order; unknown names (a form value typed by hand) are left out. */
    public static Set<NoticeField> parse(Iterable<String> names) {
        Set<NoticeField> chosen = EnumSet.noneOf(NoticeField.class);
        if (names != null) {
            for (String name : names) {
                Arrays.stream(values())
                        .filter(f -> f.name().equals(name))
                        .findFirst()
                        .ifPresent(chosen::add);
            }
        }
        return chosen;
    }

    public String label() {
        return "incident.notice.field." + name();
    }
}
