package be.bolwerk.findings.cvss;

import be.bolwerk.findings.Severity;
import be.bolwerk.shared.Refusal;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;
import us.springett.cvss.Cvss;
import us.springett.cvss.CvssV3;
import us.springett.cvss.CvssV3_1;
import us.springett.cvss.CvssV4;

/**
 * A CVSS vector that was checked and scored: version 3.0, 3.1 or 4.0 (ADR 0027). Scoring is Steve Springett's
 * {@code cvss-calculator}, which follows FIRST's reference calculators for all three versions; this class adds
 * what the library lets through: a vector without a version prefix (CVSS 2), a metric given twice (the library
 * keeps the last one), anything but {@code CODE:VALUE} between the slashes, and very long input.
 *
 * <p>The score is the one the vector itself asks for: for 3.x the base score (temporal and environmental metrics
 * are accepted but do not change it, as in the base column of NVD); for 4.0 the single CVSS-B/BT/BE/BTE score
 * of every metric given, since CVSS 4.0 folds threat and environment into one score.
 *
 * @param text the vector as given, without surrounding white space
 * @param version its CVSS version
 * @param score 0.0 to 10.0 with one decimal
 */
public record CvssVector(String text, Version version, BigDecimal score) {

    /** The CVSS versions Bolwerk accepts, with the prefix that names each in a vector. */
    public enum Version {
        V3_0("CVSS:3.0"),
        V3_1("CVSS:3.1"),
        V4_0("CVSS:4.0");

        private final String prefix;

        Version(String prefix) {
            this.prefix = prefix;
        }

        public String prefix() {
            return prefix;
        }

        /** True for 3.0 and 3.1, the versions a {@code CVSSV3} column holds. */
        public boolean isThree() {
            return this != V4_0;
        }
    }

    /** Longer than any real vector: a 4.0 vector with every optional metric is about 230 characters. */
    static final int MAX_LENGTH = 400;

    /** How much of a refused vector the message repeats. */
    private static final int SHOWN = 80;

    private static final Pattern METRIC = Pattern.compile("[A-Za-z]{1,4}:[A-Za-z]{1,6}");

    /** Checks and scores {@code vector}, or refuses it with a message that says what is wrong. */
    public static CvssVector parse(String vector) {
        String text = vector == null ? "" : vector.strip();
        if (text.isEmpty()) {
            throw Refusal.invalid("findings.cvss.empty");
        }
        if (text.length() > MAX_LENGTH) {
            throw Refusal.invalid("findings.cvss.tooLong", MAX_LENGTH);
        }
        Version version = version(text);
        String[] parts = text.split("/", -1);
        Set<String> seen = new HashSet<>();
        for (int i = 1; i < parts.length; i++) {
            if (!METRIC.matcher(parts[i]).matches()) {
                throw Refusal.invalid("findings.cvss.invalid", shown(text));
            }
            String metric = parts[i].substring(0, parts[i].indexOf(':'));
            if (!seen.add(metric)) {
                throw Refusal.invalid("findings.cvss.duplicate", metric);
            }
        }
        Cvss scored;
        try {
            scored = Cvss.fromVector(text);
        } catch (RuntimeException wrong) { // MalformedVectorException, or anything else the library trips over
            throw Refusal.invalid("findings.cvss.invalid", shown(text));
        }
        if (!matches(version, scored)) {
            throw Refusal.invalid("findings.cvss.invalid", shown(text));
        }
        double base = scored.calculateScore().getBaseScore();
        return new CvssVector(text, version, BigDecimal.valueOf(base).setScale(1, RoundingMode.HALF_UP));
    }

    /**
     * The qualitative rating of the specifications (3.1 section 5, 4.0 section 6), in the register's words: None
     * is informational.
     */
    public Severity severity() {
        return severityOf(score);
    }

    /** The rating of a CVSS score, also of a bare one such as SARIF's {@code security-severity}. */
    public static Severity severityOf(BigDecimal score) {
        if (score.compareTo(new BigDecimal("9.0")) >= 0) {
            return Severity.CRITICAL;
        }
        if (score.compareTo(new BigDecimal("7.0")) >= 0) {
            return Severity.HIGH;
        }
        if (score.compareTo(new BigDecimal("4.0")) >= 0) {
            return Severity.MEDIUM;
        }
        if (score.signum() > 0) {
            return Severity.LOW;
        }
        return Severity.INFORMATIONAL;
    }

    private static Version version(String text) {
        int slash = text.indexOf('/');
        String prefix = slash < 0 ? text : text.substring(0, slash);
        for (Version version : Version.values()) {
            if (version.prefix.equals(prefix)) {
                return version;
            }
        }
        throw Refusal.invalid("findings.cvss.version", shown(prefix));
    }

    private static boolean matches(Version version, Cvss scored) {
        return switch (version) {
            case V3_0 -> scored instanceof CvssV3 && !(scored instanceof CvssV3_1);
            case V3_1 -> scored instanceof CvssV3_1;
            case V4_0 -> scored instanceof CvssV4;
        };
    }

    private static String shown(String text) {
        return text.length() > SHOWN ? text.substring(0, SHOWN) + "…" : text;
    }
}
