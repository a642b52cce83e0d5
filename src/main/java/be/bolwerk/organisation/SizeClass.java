package be.bolwerk.organisation;

/**
 * How large a local government is, by inhabitants: the classes peers are compared within, so a town of 8,000
 * is not measured against a city. Labels live in messages ({@code organisation.size.*}).
 */
public enum SizeClass {
    SMALL,
    MEDIUM,
    LARGE,
    VERY_LARGE,
    UNKNOWN;

    public static SizeClass of(Integer inhabitants) {
        if (inhabitants == null) {
            return UNKNOWN;
        }
        if (inhabitants < 10_000) {
            return SMALL;
        }
        if (inhabitants < 30_000) {
            return MEDIUM;
        }
        return inhabitants < 100_000 ? LARGE : VERY_LARGE;
    }
}
