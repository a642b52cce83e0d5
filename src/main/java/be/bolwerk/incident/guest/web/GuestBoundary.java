package be.bolwerk.incident.guest.web;

import be.bolwerk.shared.security.CurrentUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The outer wall for an account with neither a membership nor a persona, which is what a guest is (ADR 0043). Most
 * pages already show such an account nothing (their lists are filtered by membership), but "an empty list" is a
 * promise each page keeps on its own; this makes it one rule: such an account reaches only the home page (sent on
 * to {@code /guest}), its landing, an incident's own pages (where {@code IncidentAccess} decides per incident),
 * its account pages and the sign-in steps. Everything else answers 404, as for an unknown address.
 */
class GuestBoundary implements HandlerInterceptor {

    private static final List<Pattern> OPEN = List.of(
            Pattern.compile("/"),
            Pattern.compile("/guest"),
            Pattern.compile("/incidents/[0-9a-fA-F-]{36}(/.*)?"),
            Pattern.compile("/account(/.*)?"),
            Pattern.compile("/mfa(/.*)?"),
            Pattern.compile("/invitation/.*"),
            Pattern.compile("/login(/.*)?"),
            Pattern.compile("/logout"),
            Pattern.compile("/password-reset(/.*)?"),
            Pattern.compile("/noodnummer"),
            Pattern.compile("/error"));

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws Exception {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof CurrentUser user)) {
            return true;
        }
        if (!user.memberships().isEmpty() || !user.personas().isEmpty()) {
            return true;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (OPEN.stream().anyMatch(p -> p.matcher(path).matches())) {
            return true;
        }
        response.sendError(HttpServletResponse.SC_NOT_FOUND);
        return false;
    }

    @Configuration(proxyBeanMethods = false)
    static class Registration implements WebMvcConfigurer {

        @Override
        public void addInterceptors(InterceptorRegistry registry) {
            registry.addInterceptor(new GuestBoundary());
        }
    }
}
