package be.bolwerk.audittrail;

/** What happened. Labels for people live in messages ({@code audit.type.*}). */
public enum AuditEventType {
    SIGN_IN,
    SIGN_IN_FAILED,
    SIGN_OUT,
    PASSWORD_CHANGED,
    TOKEN_CREATED,
    TOKEN_REVOKED,
    MEMBER_INVITED,
    MEMBERSHIP_GRANTED,
    MEMBERSHIP_CHANGED,
    MEMBERSHIP_ENDED,
    ACCOUNT_DEACTIVATED,
    ACCOUNT_REACTIVATED,
    SECOND_FACTORS_RESET,
    ORGANISATION_REGISTERED,
    ORGANISATION_UPDATED,
    EXPORT,
    ACCESS_DENIED,
    AUDIT_TRAIL_VERIFIED
}
