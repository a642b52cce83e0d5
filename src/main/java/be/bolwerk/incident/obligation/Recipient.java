package be.bolwerk.incident.obligation;

/**
 * Who receives a notification. The three supervisory authorities for personal data (Vlaamse Toezichtcommissie,
 * Controleorgaan op de politionele informatie, Gegevensbeschermingsautoriteit), the national CSIRT for NIS2 (the
 * Centre for Cybersecurity Belgium) and the people whose data it is (GDPR art. 34). Labels in messages
 * ({@code incident.obligation.recipient.*}).
 */
public enum Recipient {
    VTC,
    COC,
    GBA,
    CCB,
    PEOPLE;

    /** The recipients the programme may choose for a personal-data breach. */
    public boolean breachAuthority() {
        return this == VTC || this == COC || this == GBA;
    }
}
