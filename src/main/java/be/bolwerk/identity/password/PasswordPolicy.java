package be.bolwerk.identity.password;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * What a new password must be (ASVS 6.2): at least 12 and at most 128 characters, any characters, no
 * composition rules; not one of the 100,000 most common passwords (the list the nbvcxz library ships); and
 * not built from the account's own e-mail address or the product's name.
 */
@Component
public class PasswordPolicy {

    static final int MINIMUM = 12;
    static final int MAXIMUM = 128;

    /** Why a password is refused; each has a Dutch and English text under {@code password.policy.*}. */
    public enum Violation {
        TOO_SHORT,
        TOO_LONG,
        COMMON,
        CONTEXT
    }

    private final Set<String> common;

    PasswordPolicy() {
        this.common = loadCommonPasswords();
    }

    public List<Violation> check(String password, String email) {
        List<Violation> violations = new ArrayList<>();
        if (password == null) {
            violations.add(Violation.TOO_SHORT);
            return violations;
        }
        int length = password.codePointCount(0, password.length());
        if (length < MINIMUM) {
            violations.add(Violation.TOO_SHORT);
        }
        if (length > MAXIMUM) {
            violations.add(Violation.TOO_LONG);
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (common.contains(lower)) {
            violations.add(Violation.COMMON);
        }
        String localPart = email == null ? "" : email.toLowerCase(Locale.ROOT).split("@")[0];
        if (lower.contains("bolwerk") || (localPart.length() >= 4 && lower.contains(localPart))) {
            violations.add(Violation.CONTEXT);
        }
        return violations;
    }

    private static Set<String> loadCommonPasswords() {
        Set<String> words = new HashSet<>(150_000);
        try (InputStream in = PasswordPolicy.class.getClassLoader().getResourceAsStream("dictionaries/passwords.txt")) {
            if (in == null) {
                throw new IllegalStateException("nbvcxz's dictionaries/passwords.txt is missing from the classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isBlank()) {
                    words.add(line.strip().toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(words);
    }
}
