package be.bolwerk.incident;

/**
 * Traffic Light Protocol 2.0 (FIRST): how far what is labelled may be shared. CLEAR may go anywhere; GREEN within the
 * community; AMBER to the recipient's organisation and its clients on a need-to-know basis; AMBER+STRICT to the
 * recipient's organisation only; RED to the people present only. An incident, its entries and its files each carry a
 * label; a new incident starts at AMBER (the usual label for an incident shared with a CSIRT).
 */
public enum Tlp {
    CLEAR,
    GREEN,
    AMBER,
    AMBER_STRICT,
    RED;

    /** How the label is written, e.g. {@code TLP:AMBER+STRICT}. */
    public String label() {
        return "TLP:" + name().replace("_STRICT", "+STRICT");
    }
}
