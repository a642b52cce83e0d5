package be.bolwerk.engagement.scope;

/**
 * What the testers may do. Denial of service and social engineering are never allowed unless the organisation
 * ticks them; the Dutch label is part of the signed canonical text, so it never changes for an existing value.
 */
public enum Technique {
    PORT_SCANNING("Poort- en dienstscans"),
    VULNERABILITY_SCANNING("Kwetsbaarheidsscans"),
    WEB_APPLICATION_TESTING("Testen van webtoepassingen"),
    PASSWORD_GUESSING("Wachtwoorden raden aan lage snelheid"),
    EXPLOITATION("Uitbuiten van gevonden kwetsbaarheden"),
    DENIAL_OF_SERVICE("Denial of service (overbelasting)"),
    SOCIAL_ENGINEERING("Social engineering (phishing, telefoon)");

    private final String canonicalLabel;

    Technique(String canonicalLabel) {
        this.canonicalLabel = canonicalLabel;
    }

    /** The label in the signed text: Dutch, fixed, whatever language the reader chose. */
    public String canonicalLabel() {
        return canonicalLabel;
    }
}
