package be.bolwerk.engagement.scope;

/** Who consents to testing a system they host for the organisation. */
public enum ConsentKind {
    SAAS_PROVIDER("SaaS-leverancier"),
    ICT_ASSOCIATION("intergemeentelijke ICT-vereniging"),
    OTHER_HOST("andere hostingpartij");

    private final String canonicalLabel;

    ConsentKind(String canonicalLabel) {
        this.canonicalLabel = canonicalLabel;
    }

    public String canonicalLabel() {
        return canonicalLabel;
    }
}
