package be.bolwerk.findings.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every refusal and row error of the CVSS check and the parsers names a message that exists in Dutch and English:
 * these keys reach the page only at run time, so {@code MessagesTests}, which reads templates, cannot see them.
 */
class IntakeMessagesTests {

    private static final Pattern KEY = Pattern.compile("\"(findings\\.(?:cvss|intake)\\.[a-zA-Z.]+[a-zA-Z])\"");

    @Test
    void everyKeyTheParsersUseExistsInBothLanguages() throws IOException {
        Set<String> used = new TreeSet<>();
        for (String folder : new String[] {"cvss", "intake"}) {
            try (Stream<Path> sources = Files.list(Path.of("src/main/java/be/bolwerk/findings", folder))) {
                for (Path source : sources.toList()) {
                    Matcher key = KEY.matcher(Files.readString(source));
                    while (key.find()) {
                        used.add(key.group(1));
                    }
                }
            }
        }
        // built from the order the person chose
        Arrays.stream(new DateOrder[] {DateOrder.DAY_MONTH, DateOrder.MONTH_DAY})
                .forEach(order -> used.add(
                        "findings.intake.row.dateInvalid." + order.name().toLowerCase(Locale.ROOT)));

        assertThat(used).hasSizeGreaterThan(30);
        assertThat(load("messages.properties").stringPropertyNames()).containsAll(used);
        assertThat(load("messages_en.properties").stringPropertyNames()).containsAll(used);
    }

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = IntakeMessagesTests.class.getClassLoader().getResourceAsStream(name);
                Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
