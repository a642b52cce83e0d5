package be.bolwerk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** Every text a person reads exists in Dutch and in English, and every literal key a template uses exists. */
class MessagesTests {

    private static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{([a-zA-Z0-9_.]+)[}(]");

    @Test
    void dutchAndEnglishHaveTheSameKeys() throws IOException {
        Set<String> dutch = load("messages.properties").stringPropertyNames();
        Set<String> english = load("messages_en.properties").stringPropertyNames();
        assertThat(english).as("keys missing in messages_en.properties").containsAll(dutch);
        assertThat(dutch).as("keys missing in messages.properties").containsAll(english);
    }

    @Test
    void noMessageIsEmpty() throws IOException {
        for (String file : new String[] {"messages.properties", "messages_en.properties"}) {
            Properties messages = load(file);
            assertThat(messages.stringPropertyNames())
                    .as("empty messages in " + file)
                    .allSatisfy(key -> assertThat(messages.getProperty(key)).isNotBlank());
        }
    }

    @Test
    void everyLiteralKeyInTemplatesExists() throws IOException {
        Set<String> known = load("messages.properties").stringPropertyNames();
        Set<String> used = new TreeSet<>();
        // From the classpath, like the messages: the templates and messages of one build are compared.
        // Pages (*.html) and mails (*.txt) alike.
        for (Resource template :
                new PathMatchingResourcePatternResolver().getResources("classpath*:templates/**/*.*")) {
            Matcher matcher = TEMPLATE_KEY.matcher(template.getContentAsString(StandardCharsets.UTF_8));
            while (matcher.find()) {
                used.add(matcher.group(1));
            }
        }
        assertThat(used).isNotEmpty();
        assertThat(known).as("keys used in templates but not defined").containsAll(used);
    }

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MessagesTests.class.getClassLoader().getResourceAsStream(name);
                Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
