package be.bolwerk.audittrail.recording;

import be.bolwerk.audittrail.AuditEventType;
import be.bolwerk.audittrail.chain.Actors;
import be.bolwerk.audittrail.chain.AuditTrail;
import be.bolwerk.audittrail.chain.Details;
import be.bolwerk.shared.NotFoundAnswered;
import be.bolwerk.shared.security.CurrentUser;
import jakarta.servlet.http.HttpServletRequest;
import org.aopalliance.intercept.MethodInvocation;
import org.springframework.context.event.EventListener;
import org.springframework.security.authorization.event.AuthorizationDeniedEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Records functions refused to a fully signed-in person (ASVS 16.3.2): a 403 on a page, an API call or a
 * service method. Refusals that only ask an anonymous visitor to sign in, or a signed-in person for the
 * second factor, are the normal way in and are left out; otherwise every sign-in would be an alarm. Also
 * records ids answered with 404 to a signed-in person (ASVS 16.3.3): another organisation's data is refused
 * exactly like a missing id, and the trail is where the two are told apart.
 */
@Component
class AccessDeniedRecorder {

    private final AuditTrail trail;

    AccessDeniedRecorder(AuditTrail trail) {
        this.trail = trail;
    }

    @EventListener
    void on(AuthorizationDeniedEvent<?> event) {
        Authentication authentication = event.getAuthentication().get();
        if (authentication == null
                || !(authentication.getPrincipal() instanceof CurrentUser)
                || !pastTheSecondFactor(authentication)) {
            return;
        }
        trail.appendAlone(
                AuditEventType.ACCESS_DENIED,
                false,
                Actors.of(authentication, null),
                null,
                Details.of("audit.detail.accessDenied", what(event.getObject())));
    }

    /**
     * A 404 for something that does not exist or belongs to another organisation, asked for by a signed-in
     * person: the answer does not tell the two apart, the trail keeps the request so that probing ids shows.
     * Anonymous visitors never reach an id-bearing page, and their 404s would only be noise.
     */
    @EventListener
    void on(NotFoundAnswered event) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof CurrentUser)) {
            return;
        }
        trail.appendAlone(
                AuditEventType.NOT_FOUND_ANSWERED,
                false,
                Actors.of(authentication, null),
                null,
                Details.of("audit.detail.notFoundAnswered", event.method() + " " + event.path(), event.what()));
    }

    private static boolean pastTheSecondFactor(Authentication authentication) {
        return authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .anyMatch(a -> a.startsWith("FACTOR_") && !a.equals(FactorGrantedAuthority.PASSWORD_AUTHORITY));
    }

    private static String what(Object refused) {
        if (refused instanceof RequestAuthorizationContext context) {
            return describe(context.getRequest());
        }
        if (refused instanceof HttpServletRequest request) {
            return describe(request);
        }
        if (refused instanceof MethodInvocation invocation) {
            String method = invocation.getMethod().getDeclaringClass().getSimpleName() + "."
                    + invocation.getMethod().getName();
            return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                    ? describe(attributes.getRequest()) + " (" + method + ")"
                    : method;
        }
        return refused == null ? null : refused.getClass().getSimpleName();
    }

    private static String describe(HttpServletRequest request) {
        return request.getMethod() + " " + request.getRequestURI();
    }
}
