package be.bolwerk.shared.web;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

/**
 * The fingerprinted addresses of the static files pages load ({@code /css/bolwerk-<md5>.css}), so that a browser
 * may keep them for a year and still gets a changed file at once: a new content is a new address (ADR 0022).
 * Each address is resolved once through Spring's resource chain and remembered; the layout asks for its few
 * files by name. This replaces Spring Boot's ResourceUrlEncodingFilter, which sent every link of every page
 * through the chain and made list pages slow (docs/performance.md). Public, so that templates can call it.
 */
@Component
public final class Assets {

    /** The request attribute under which pages find this ({@link AssetInterceptor}). */
    public static final String ATTRIBUTE = "assets";

    /** The content hash the resource chain puts before the extension: 32 hex digits of MD5. */
    private static final Pattern FINGERPRINT = Pattern.compile("-[0-9a-f]{32}(?=\\.[A-Za-z0-9]+$)");

    /** Looked up on first use: the provider belongs to the MVC set-up, which in turn collects our interceptor. */
    private final ObjectProvider<ResourceUrlProvider> resources;

    private final Map<String, String> resolved = new ConcurrentHashMap<>();

    Assets(ObjectProvider<ResourceUrlProvider> resources) {
        this.resources = resources;
    }

    /**
     * The fingerprinted address of a static file, e.g. {@code /css/bolwerk.css} or the version-free WebJar path
     * {@code /webjars/htmx.org/dist/htmx.min.js}; the path unchanged when it names no file. Only files that exist
     * are remembered, so the map holds no more entries than there are files.
     */
    public String url(String path) {
        String known = resolved.get(path);
        if (known != null) {
            return known;
        }
        String url = resources.getObject().getForLookupPath(path);
        if (url == null) {
            return path;
        }
        resolved.put(path, url);
        return url;
    }

    /**
     * Whether a requested path is the fingerprint of the file's current content, and so may be cached for good.
     * An old or made-up fingerprint is not (the resource chain answers it with 404), nor a path without one.
     */
    boolean isCurrentFingerprint(String path) {
        var fingerprint = FINGERPRINT.matcher(path);
        if (!fingerprint.find()) {
            return false;
        }
        return path.equals(url(fingerprint.replaceFirst("")));
    }
}
