package be.bolwerk.shared.web;

import java.time.Duration;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;
import org.thymeleaf.ITemplateEngine;
import tools.jackson.databind.json.JsonMapper;

/** Dutch by default; {@code ?lang=en} switches to English and a cookie remembers the choice. */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    static final Locale DUTCH = Locale.forLanguageTag("nl");

    @Bean
    LocaleResolver localeResolver(@Value(SecureCookies.SWITCH) boolean secure) {
        CookieLocaleResolver resolver = new CookieLocaleResolver(SecureCookies.name("BOLWERK_LANG", secure));
        resolver.setCookieSecure(secure);
        resolver.setDefaultLocale(DUTCH);
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setCookieHttpOnly(true);
        resolver.setCookieSameSite("Lax");
        return resolver;
    }

    /**
     * Spring Boot would pass every link of every page through the resource chain to stamp versions into
     * static URLs. For links that are not resources (row links, sort links) that is an uncached classpath
     * lookup each, which in a packaged jar made a list page cost ~80 ms of CPU (see docs/performance.md).
     * WebJar paths without a version are still resolved when they are requested, so nothing else changes. The
     * layout's few files get their fingerprinted addresses from {@link Assets} instead, resolved once each.
     */
    @Bean
    FilterRegistrationBean<ResourceUrlEncodingFilter> resourceUrlEncodingFilter() {
        FilterRegistrationBean<ResourceUrlEncodingFilter> registration =
                new FilterRegistrationBean<>(new ResourceUrlEncodingFilter());
        registration.setEnabled(false);
        return registration;
    }

    /** Cache lifetimes of the static files; see {@link AssetCaching}. */
    @Bean
    FilterRegistrationBean<AssetCaching> assetCaching(Assets assets) {
        FilterRegistrationBean<AssetCaching> registration = new FilterRegistrationBean<>(new AssetCaching(assets));
        registration.addUrlPatterns(AssetCaching.PATHS);
        return registration;
    }

    /** In front of Spring Session's filter, which loads the session from the database (see the filter). */
    @Bean
    FilterRegistrationBean<DatabaseOutageFilter> databaseOutageFilter(
            ITemplateEngine templates, LocaleResolver locales, JsonMapper json, MessageSource messages) {
        FilterRegistrationBean<DatabaseOutageFilter> registration =
                new FilterRegistrationBean<>(new DatabaseOutageFilter(templates, locales, json, messages));
        registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER - 10);
        return registration;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
        interceptor.setParamName("lang");
        interceptor.setIgnoreInvalidLocale(true);
        registry.addInterceptor(interceptor);
    }
}
