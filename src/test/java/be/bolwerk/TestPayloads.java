package be.bolwerk;

import java.util.List;

/**
 * What the injection sweeps send through every text field: SQL, markup, template expressions, encoded
 * markup, an oversized value, control characters, header injection and right-to-left text.
 */
public final class TestPayloads {

    /** Markup that would run if a page echoed it unescaped. */
    public static final String LIVE_MARKUP = "<script>alert('xss')</script>";

    public static final String LIVE_ATTRIBUTE = "<img src=x onerror=alert(1)>";

    public static final List<String> ALL = List.of(
            "'; DROP TABLE user_account; --",
            "' OR '1'='1",
            "\" OR 1=1 --",
            "<script>alert('xss')</script>",
            "\"><img src=x onerror=alert(1)>",
            "${7*7}[[${7*7}]]__${7*7}__",
            "%27%3Cscript%3E",
            "x".repeat(10_000),
            "nul\u0000byte",
            "line\r\nSet-Cookie: evil=1",
            "ë€𝄞 \u202Eomgekeerd");

    private TestPayloads() {}
}
