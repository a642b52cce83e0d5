package be.bolwerk.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Hands {@link Assets} to every page as a request attribute, like the navigation: Thymeleaf reads request
 * attributes as variables, also on error pages and pages an exception handler renders.
 */
class AssetInterceptor implements HandlerInterceptor {

    private final Assets assets;

    AssetInterceptor(Assets assets) {
        this.assets = assets;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        request.setAttribute(Assets.ATTRIBUTE, assets);
        return true;
    }

    @Configuration(proxyBeanMethods = false)
    static class Registration implements WebMvcConfigurer {

        private final Assets assets;

        Registration(Assets assets) {
            this.assets = assets;
        }

        @Override
        public void addInterceptors(InterceptorRegistry registry) {
            // The JSON API renders no page.
            registry.addInterceptor(new AssetInterceptor(assets)).excludePathPatterns("/api/**");
        }
    }
}
