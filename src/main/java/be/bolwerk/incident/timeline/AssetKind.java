package be.bolwerk.incident.timeline;

import java.util.Arrays;

/** What kind of thing an affected asset is. */
public enum AssetKind {
    SERVER,
    WORKSTATION,
    ACCOUNT,
    APPLICATION,
    NETWORK_DEVICE,
    OTHER;

    public static AssetKind parse(String name) {
        return Arrays.stream(values())
                .filter(k -> k.name().equals(name))
                .findFirst()
                .orElse(null);
    }
}
