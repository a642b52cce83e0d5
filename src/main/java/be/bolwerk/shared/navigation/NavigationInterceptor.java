package be.bolwerk.shared.navigation;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * Puts the {@link Navigation} into a request attribute before any page handler runs. Thymeleaf reads request
 * attributes as variables, so the layout finds it on every page, also on error pages and pages rendered by an
 * exception handler, where controller-advice model attributes are not added.
 */
class NavigationInterceptor implements HandlerInterceptor {

    /** The model's name for the page's own path (shared.web.LayoutModel). */
    private static final String PAGE_PATH = "requestPath";

    private final MessageSource messages;

    NavigationInterceptor(MessageSource messages) {
        this.messages = messages;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (request.getAttribute(Navigation.ATTRIBUTE) == null) {
            mark(request, pathOf(request));
        }
        return true;
    }

    /**
     * A page that answers a form under its own address (the incident acknowledgement, ADR 0048) says so in the
     * model's {@code requestPath}, which the layout's language links use too: the menu then marks that address's
     * item, as it does when the page is opened there.
     */
    @Override
    public void postHandle(
            HttpServletRequest request, HttpServletResponse response, Object handler, ModelAndView page) {
        // Not on an error page: it names the failed path (or "/" for one it will not repeat), and preHandle has
        // already marked the failed path's item.
        if (page != null
                && request.getDispatcherType() != DispatcherType.ERROR
                && page.getModel().get(PAGE_PATH) instanceof String path
                && !path.equals(pathOf(request))) {
            mark(request, path);
        }
    }

    private void mark(HttpServletRequest request, String path) {
        Locale locale = RequestContextUtils.getLocale(request);
        Navigation navigation = Navigation.of(
                SecurityContextHolder.getContext().getAuthentication(),
                path,
                key -> messages.getMessage(key, null, locale),
                request.getContextPath());
        if (navigation != null) {
            request.setAttribute(Navigation.ATTRIBUTE, navigation);
        }
    }

    /** On an error page, the path that failed, so that its menu item stays marked as before. */
    private static String pathOf(HttpServletRequest request) {
        Object failed = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String uri = failed instanceof String value ? value : request.getRequestURI();
        String context = request.getContextPath();
        return uri.startsWith(context) ? uri.substring(context.length()) : uri;
    }

    @Configuration(proxyBeanMethods = false)
    static class Registration implements WebMvcConfigurer {

        private final MessageSource messages;

        Registration(MessageSource messages) {
            this.messages = messages;
        }

        @Override
        public void addInterceptors(InterceptorRegistry registry) {
            // The JSON API renders no page. Last in line, after the language switch (?lang=), so that the menu
            // is in the language the page is rendered in.
            registry.addInterceptor(new NavigationInterceptor(messages))
                    .excludePathPatterns("/api/**")
                    .order(Ordered.LOWEST_PRECEDENCE);
        }
    }
}
