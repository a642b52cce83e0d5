package be.bolwerk.incident.timeline;

import java.util.Arrays;

/** Whether an affected asset was compromised, as far as is known now. */
public enum Compromise {
    TO_BE_DETERMINED,
    COMPROMISED,
    NOT_COMPROMISED;

    public static Compromise parse(String name) {
        return Arrays.stream(values())
                .filter(c -> c.name().equals(name))
                .findFirst()
                .orElse(null);
    }
}
