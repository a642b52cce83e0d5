package be.bolwerk.shared.navigation;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Puts the {@link Navigation} into a request attribute before any page handler runs. Thymeleaf reads request
 * attributes as variables, so the layout finds it on every page, also on error pages and pages rendered by an
 * exception handler, where controller-advice model attributes are not added.
 */
class NavigationInterceptor implements HandlerInterceptor {

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (request.getAttribute(Navigation.ATTRIBUTE) == null) {
            Navigation navigation =
                    Navigation.of(SecurityContextHolder.getContext().getAuthentication(), pathOf(request));
            if (navigation != null) {
                request.setAttribute(Navigation.ATTRIBUTE, navigation);
            }
        }
        return true;
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

        @Override
        public void addInterceptors(InterceptorRegistry registry) {
            // The JSON API renders no page.
            registry.addInterceptor(new NavigationInterceptor()).excludePathPatterns("/api/**");
        }
    }
}
