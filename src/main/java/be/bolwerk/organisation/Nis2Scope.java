package be.bolwerk.organisation;

/**
 * Whether the NIS2 law (art. 3) applies to an organisation, and as which kind of entity. Most local governments
 * are out of scope; the programme officer records it (ADR 0039). The incident module starts the NIS2 clocks only
 * for organisations in scope. Labels live in messages ({@code organisation.nis2Scope.*}).
 */
public enum Nis2Scope {
    NOT_IN_SCOPE,
    ESSENTIAL,
    IMPORTANT;

    public boolean inScope() {
        return this != NOT_IN_SCOPE;
    }
}
