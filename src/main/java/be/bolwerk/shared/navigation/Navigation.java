package be.bolwerk.shared.navigation;

import be.bolwerk.shared.security.CurrentUser;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;

/**
 * What the layout shows of the signed-in person: their name and the menu items they may use, the current one
 * marked. Before the second factor is given ({@code complete} false) every page but the second-factor pages sends
 * the person back there, so the menu is empty and the layout offers only signing out. Built once per request ({@link NavigationInterceptor}); the layout only iterates. Before, the layout
 * evaluated a Spring Security expression per item on every page, a measurable part of rendering
 * (docs/performance.md). Public, with public accessors, so that compiled SpEL can call them directly.
 */
public record Navigation(String person, List<Item> items, Set<String> authorities, boolean complete) {

    /** The name under which the layout finds the navigation; absent when nobody is signed in. */
    public static final String ATTRIBUTE = "navigation";

    private static final AuthenticationTrustResolver TRUST = new AuthenticationTrustResolverImpl();

    /** Spring Security's factor authorities all start so; the password alone is the first step only. */
    private static final String FACTOR_PREFIX = "FACTOR_";

    public Navigation {
        items = List.copyOf(items);
        authorities = Set.copyOf(authorities);
    }

    /**
     * For the few buttons a page shows to some roles only. On the pages, which all need both sign-in steps, the
     * same answer as {@code sec:authorize="hasRole(..)"}, without building and evaluating a security expression.
     */
    public boolean hasRole(String role) {
        return authorities.contains("ROLE_" + role);
    }

    public boolean hasAnyRole(String... roles) {
        for (String role : roles) {
            if (hasRole(role)) {
                return true;
            }
        }
        return false;
    }

    /**
     * One menu entry: where it leads (with the context path), its message key, its text in the reader's language,
     * and whether it is the page being shown. The layout writes the menu twice (the row on wide screens, the menu
     * button on phones), so the text and address are worked out here once instead of per link in the template.
     */
    public record Item(String href, String label, String text, boolean current) {}

    /** As {@link #of(Authentication, String, Function, String)}, with the message keys as texts and no context path. */
    static Navigation of(Authentication authentication, String requestPath) {
        return of(authentication, requestPath, Function.identity(), "");
    }

    /** The navigation of this authentication on this path, or null when nobody is signed in. */
    static Navigation of(
            Authentication authentication, String requestPath, Function<String, String> translate, String contextPath) {
        if (!TRUST.isAuthenticated(authentication)) {
            return null;
        }
        Set<String> authorities = authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .collect(Collectors.toSet());
        boolean complete = secondFactorGiven(authorities);
        List<Item> items = MenuItem.inOrder()
                .filter(item -> complete && item.visibleTo(authorities))
                .map(item -> new Item(
                        contextPath + item.path, item.label, translate.apply(item.label), item.isCurrent(requestPath)))
                .toList();
        String person = authentication.getPrincipal() instanceof CurrentUser user
                ? user.displayName()
                : authentication.getName();
        return new Navigation(person, items, authorities, complete);
    }

    /**
     * The identity module decides which factors count (a code, a recovery code, a passkey); here it is enough
     * that the password is not the only factor held. An authentication without factor authorities at all is not
     * one of a sign-in in two steps (none reaches the pages), so it is taken as complete.
     */
    static boolean secondFactorGiven(Set<String> authorities) {
        boolean password = authorities.contains(FactorGrantedAuthority.PASSWORD_AUTHORITY);
        boolean other = authorities.stream()
                .anyMatch(a -> a.startsWith(FACTOR_PREFIX) && !a.equals(FactorGrantedAuthority.PASSWORD_AUTHORITY));
        return other || !password;
    }
}
