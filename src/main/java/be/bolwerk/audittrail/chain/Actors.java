package be.bolwerk.audittrail.chain;

import be.bolwerk.shared.security.CurrentUser;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** Works out who acted and from which address, from the security context and the current request. */
public final class Actors {

    private Actors() {}

    public static AuditTrail.Actor current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return of(authentication, null);
    }

    public static AuditTrail.Actor of(Authentication authentication, String fallbackName) {
        String address = addressOf(authentication);
        if (authentication != null && authentication.getPrincipal() instanceof CurrentUser user) {
            return new AuditTrail.Actor(user.id(), user.email(), address);
        }
        String name = fallbackName != null ? fallbackName : AuditTrail.Actor.SYSTEM.name();
        return new AuditTrail.Actor(null, name, address);
    }

    private static String addressOf(Authentication authentication) {
        if (authentication != null && authentication.getDetails() instanceof WebAuthenticationDetails details) {
            return details.getRemoteAddress();
        }
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }
}
