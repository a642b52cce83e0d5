package be.bolwerk.findings.intake;

import java.util.Locale;

/**
 * What makes a later import recognise a finding it brought before, strongest first (ADR 0027). The importer looks
 * for an existing finding of the same organisation with an equal key and updates it instead of adding one.
 *
 * @param value the normalised key; equal values mean the same finding
 */
public record RepeatKey(Kind kind, String value) {

    public enum Kind {
        /** The file's own id for the finding ({@code ExternalId}), as given. */
        EXTERNAL_ID,
        /** A CVE or other vulnerability id on one affected system (upper-case id, system as given). */
        VULNERABILITY_ON_SYSTEM,
        /** A SARIF {@code fingerprints} or {@code partialFingerprints} entry, with the tool and rule. */
        FINGERPRINT,
        /** A SARIF result with no fingerprint: tool, rule and location; moves when the code above it moves. */
        RULE_AT_LOCATION
    }

    static RepeatKey externalId(String id) {
        return new RepeatKey(Kind.EXTERNAL_ID, id);
    }

    static RepeatKey vulnerabilityOn(String vulnerabilityId, String system) {
        return new RepeatKey(Kind.VULNERABILITY_ON_SYSTEM, vulnerabilityId.toUpperCase(Locale.ROOT) + " @ " + system);
    }

    static RepeatKey fingerprint(String tool, String rule, String fingerprint) {
        return new RepeatKey(Kind.FINGERPRINT, tool + " | " + rule + " | " + fingerprint);
    }

    static RepeatKey ruleAt(String tool, String rule, String location) {
        return new RepeatKey(Kind.RULE_AT_LOCATION, tool + " | " + rule + " | " + location);
    }
}
