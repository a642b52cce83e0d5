package be.bolwerk.audittrail.recording;

import be.bolwerk.audittrail.AuditEventType;
import be.bolwerk.audittrail.chain.Actors;
import be.bolwerk.audittrail.chain.AuditTrail;
import be.bolwerk.audittrail.chain.Details;
import be.bolwerk.identity.event.AccountDeactivated;
import be.bolwerk.identity.event.AccountReactivated;
import be.bolwerk.identity.event.ApiTokenCreated;
import be.bolwerk.identity.event.ApiTokenRevoked;
import be.bolwerk.identity.event.AuthenticatorEnrolled;
import be.bolwerk.identity.event.AuthenticatorReplaced;
import be.bolwerk.identity.event.MemberInvited;
import be.bolwerk.identity.event.MembershipChanged;
import be.bolwerk.identity.event.MembershipEnded;
import be.bolwerk.identity.event.MembershipGranted;
import be.bolwerk.identity.event.PasskeyAdded;
import be.bolwerk.identity.event.PasskeyRemoved;
import be.bolwerk.identity.event.PasswordChanged;
import be.bolwerk.identity.event.PersonaChanged;
import be.bolwerk.identity.event.PersonaGranted;
import be.bolwerk.identity.event.PersonaInvited;
import be.bolwerk.identity.event.PersonaRemoved;
import be.bolwerk.identity.event.PlatformAdminEnrolmentIssued;
import be.bolwerk.identity.event.PreferencesChanged;
import be.bolwerk.identity.event.RecoveryCodesRenewed;
import be.bolwerk.identity.event.SecondFactorsReset;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Records changes to accounts, in the transaction of the change. Details are sentences the page shows in the
 * reader's language ({@link Details}); roles and personas are terms of the bundles, ids sit beside the sentence.
 */
@Component
class AccountEventRecorder {

    private final AuditTrail trail;

    AccountEventRecorder(AuditTrail trail) {
        this.trail = trail;
    }

    /** Through a reset link nobody is signed in: the account whose password changed is named as the actor. */
    @EventListener
    void on(PasswordChanged event) {
        AuditTrail.Actor current = Actors.current();
        if (event.reset()) {
            trail.append(
                    AuditEventType.PASSWORD_CHANGED,
                    true,
                    new AuditTrail.Actor(event.accountId(), event.email(), current.clientAddress()),
                    null,
                    Details.about(Map.of("account", event.accountId()), "audit.detail.passwordReset"));
        } else {
            trail.append(AuditEventType.PASSWORD_CHANGED, true, current, null, null);
        }
    }

    @EventListener
    void on(AuthenticatorEnrolled event) {
        trail.append(AuditEventType.AUTHENTICATOR_ENROLLED, true, Actors.current(), null, null);
    }

    @EventListener
    void on(AuthenticatorReplaced event) {
        trail.append(AuditEventType.AUTHENTICATOR_REPLACED, true, Actors.current(), null, null);
    }

    @EventListener
    void on(RecoveryCodesRenewed event) {
        trail.append(AuditEventType.RECOVERY_CODES_RENEWED, true, Actors.current(), null, null);
    }

    /** The label is the person's own text; the trail escapes it like every other detail. */
    @EventListener
    void on(PasskeyAdded event) {
        trail.append(
                AuditEventType.PASSKEY_ADDED,
                true,
                Actors.current(),
                null,
                Details.of("audit.detail.passkeyAdded", event.label()));
    }

    @EventListener
    void on(PasskeyRemoved event) {
        trail.append(
                AuditEventType.PASSKEY_REMOVED,
                true,
                Actors.current(),
                null,
                Details.of("audit.detail.passkeyRemoved", event.label()));
    }

    @EventListener
    void on(ApiTokenCreated event) {
        trail.append(
                AuditEventType.TOKEN_CREATED,
                true,
                Actors.current(),
                null,
                Details.about(
                        Map.of("token", event.tokenId()),
                        "audit.detail.tokenCreated",
                        Details.term("tokens.scope." + event.scope(), event.scope())));
    }

    @EventListener
    void on(MemberInvited event) {
        trail.append(
                AuditEventType.MEMBER_INVITED,
                true,
                Actors.current(),
                event.organisationId(),
                Details.about(
                        Map.of("invitation", event.invitationId()), "audit.detail.invitedAs", role(event.role())));
    }

    /** Accepting happens without a session: the new member is the actor. */
    @EventListener
    void on(MembershipGranted event) {
        trail.append(
                AuditEventType.MEMBERSHIP_GRANTED,
                true,
                new AuditTrail.Actor(event.accountId(), null, Actors.current().clientAddress()),
                event.organisationId(),
                Details.about(
                        Map.of("account", event.accountId()), "audit.detail.invitationAccepted", role(event.role())));
    }

    @EventListener
    void on(MembershipChanged event) {
        trail.append(
                AuditEventType.MEMBERSHIP_CHANGED,
                true,
                Actors.current(),
                event.organisationId(),
                Details.about(Map.of("account", event.accountId()), "audit.detail.roleChanged", role(event.role())));
    }

    @EventListener
    void on(MembershipEnded event) {
        trail.append(
                AuditEventType.MEMBERSHIP_ENDED,
                true,
                Actors.current(),
                event.organisationId(),
                Details.about(Map.of("account", event.accountId()), "audit.detail.membershipEnded"));
    }

    @EventListener
    void on(AccountDeactivated event) {
        account(
                AuditEventType.ACCOUNT_DEACTIVATED,
                event.accountId(),
                event.email(),
                "audit.detail.accountDeactivated");
    }

    @EventListener
    void on(AccountReactivated event) {
        account(
                AuditEventType.ACCOUNT_REACTIVATED,
                event.accountId(),
                event.email(),
                "audit.detail.accountReactivated");
    }

    @EventListener
    void on(SecondFactorsReset event) {
        account(
                AuditEventType.SECOND_FACTORS_RESET,
                event.accountId(),
                event.email(),
                "audit.detail.secondFactorsReset");
    }

    @EventListener
    void on(ApiTokenRevoked event) {
        trail.append(
                AuditEventType.TOKEN_REVOKED,
                true,
                Actors.current(),
                null,
                Details.about(Map.of("token", event.tokenId()), "audit.detail.tokenRevoked"));
    }

    @EventListener
    void on(PersonaInvited event) {
        trail.append(
                AuditEventType.PERSONA_INVITED,
                true,
                Actors.current(),
                null,
                Details.about(
                        Map.of("invitation", event.invitationId()),
                        "audit.detail.invitedAs",
                        persona(event.persona())));
    }

    /** Accepting happens as the invitee: the account is the actor, as for memberships. */
    @EventListener
    void on(PersonaGranted event) {
        trail.append(
                AuditEventType.PERSONA_GRANTED,
                true,
                new AuditTrail.Actor(event.accountId(), null, Actors.current().clientAddress()),
                null,
                Details.about(
                        Map.of("account", event.accountId()),
                        "audit.detail.invitationAccepted",
                        persona(event.persona())));
    }

    /** The affiliation is free text typed by an admin; the trail escapes it like every other detail. */
    @EventListener
    void on(PersonaChanged event) {
        trail.append(
                AuditEventType.PERSONA_CHANGED,
                true,
                Actors.current(),
                null,
                event.affiliation() == null
                        ? Details.about(
                                Map.of("account", event.accountId()),
                                "audit.detail.roleChanged",
                                persona(event.persona()))
                        : Details.about(
                                Map.of("account", event.accountId()),
                                "audit.detail.roleChangedWithAffiliation",
                                persona(event.persona()),
                                event.affiliation()));
    }

    @EventListener
    void on(PersonaRemoved event) {
        trail.append(
                AuditEventType.PERSONA_REMOVED,
                true,
                Actors.current(),
                null,
                Details.about(
                        Map.of("account", event.accountId()), "audit.detail.personaRemoved", persona(event.persona())));
    }

    /** Issued from the command line: the actor is the system, the operator's shell is outside our reach. */
    @EventListener
    void on(PlatformAdminEnrolmentIssued event) {
        trail.append(
                AuditEventType.PLATFORM_ADMIN_ENROLMENT_ISSUED,
                true,
                Actors.current(),
                null,
                Details.about(
                        Map.of("invitation", event.invitationId()),
                        event.forced()
                                ? "audit.detail.platformAdminEnrolmentForced"
                                : "audit.detail.platformAdminEnrolment"));
    }

    /** Who no longer gets work mails, or gets them in another language, is asked about; hence recorded. */
    @EventListener
    void on(PreferencesChanged event) {
        trail.append(
                AuditEventType.PREFERENCES_CHANGED,
                true,
                Actors.current(),
                null,
                Details.about(
                        Map.of("account", event.accountId()),
                        event.workMail() ? "audit.detail.preferencesWorkMailOn" : "audit.detail.preferencesWorkMailOff",
                        Details.term("audit.language." + event.language(), event.language())));
    }

    /** A platform admin's step on someone else's account: the sentence names whose. */
    private void account(AuditEventType type, UUID accountId, String email, String key) {
        trail.append(type, true, Actors.current(), null, Details.about(Map.of("account", accountId), key, email));
    }

    /** An organisation role (ORGANISATION_ADMIN, MEMBER, VIEWER) as the reader calls it. */
    private static Object role(String role) {
        return Details.term("organisationRole." + role, role);
    }

    private static Object persona(String persona) {
        return Details.term("persona." + persona, persona);
    }
}
