package be.bolwerk.funding;

/** What a budget line pays for. Labels live in messages ({@code funding.purpose.*}). */
public enum BudgetPurpose {
    BASIC_AUDITS,
    SUPPLEMENTARY_AUDITS,
    EMERGENCY_FUND,
    ETHICAL_HACKING,
    OTHER
}
