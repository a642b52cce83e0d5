package be.bolwerk.shared.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * How long browsers may keep static files (ADR 0022). A fingerprinted address of the current content never
 * changes meaning, so it is kept a year without asking again; any other static address (a file linked without
 * fingerprint, an old fingerprint) may be kept but is checked with the server on every use, which costs a small
 * 304 answer. Set before the file is served: Spring Security then leaves Cache-Control alone, where it would
 * otherwise forbid storing anything ({@code no-store}), and the resource handler sets none of its own.
 */
class AssetCaching extends OncePerRequestFilter {

    static final String FOREVER = "public, max-age=31536000, immutable";
    static final String REVALIDATE = "no-cache";

    /** The static locations: Spring Boot's defaults for classpath:/static and the WebJars. */
    static final String[] PATHS = {"/css/*", "/js/*", "/images/*", "/webjars/*", "/favicon.ico"};

    private final Assets assets;

    AssetCaching(Assets assets) {
        this.assets = assets;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        response.setHeader("Cache-Control", assets.isCurrentFingerprint(path) ? FOREVER : REVALIDATE);
        chain.doFilter(request, response);
    }
}
