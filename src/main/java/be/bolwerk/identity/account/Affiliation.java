package be.bolwerk.identity.account;

import be.bolwerk.shared.security.Persona;

/**
 * The audit firm of an auditor, the college of a hacking supervisor or student: free text for now, required for
 * exactly those personas and absent for the others, so "which firm" never has a stale answer for a programme
 * officer.
 */
public final class Affiliation {

    static final int MIN = 2;
    static final int MAX = 120;

    private Affiliation() {}

    public static boolean required(Persona persona) {
        return persona == Persona.AUDITOR || persona == Persona.HACKING_SUPERVISOR || persona == Persona.STUDENT;
    }

    /**
     * True when the text is acceptable for this persona (ignored text for personas without one counts as fine).
     * One line without control characters: it goes into mail subjects and the audit trail.
     */
    static boolean valid(Persona persona, String text) {
        if (!required(persona)) {
            return true;
        }
        String stripped = text == null ? "" : text.strip();
        return stripped.length() >= MIN
                && stripped.length() <= MAX
                && stripped.codePoints().noneMatch(Character::isISOControl);
    }

    /** The value to store: the stripped text when the persona needs one, else {@code null}. */
    public static String of(Persona persona, String text) {
        if (!valid(persona, text)) {
            throw new IllegalArgumentException("Persona " + persona + " needs an affiliation of 2 to 120 characters");
        }
        return required(persona) ? text.strip() : null;
    }
}
