package be.bolwerk.framework.imports;

import be.bolwerk.framework.FrameworkSource;
import be.bolwerk.framework.FrameworkStatus;
import be.bolwerk.shared.Refusal;
import java.io.IOException;
import java.io.InputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * Loads the frameworks Bolwerk ships ({@code classpath:frameworks/*.json}) at start-up, each version once, before
 * the demo data that answers them. They
 * are product content, not demo data, so every profile gets them, published at once: Bolwerk vouches for them. A file that breaks the rules stops the
 * start: a broken built-in framework is a bug to fix before release, not something to skip quietly.
 */
@Component
@Order(5)
class BuiltInFrameworks implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(BuiltInFrameworks.class);

    private final FrameworkFormat format;
    private final FrameworkStore store;

    BuiltInFrameworks(FrameworkFormat format, FrameworkStore store) {
        this.format = format;
        this.store = store;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath:frameworks/*.json");
        for (Resource file : files) {
            FrameworkDraft draft;
            try (InputStream in = file.getInputStream()) {
                draft = format.read(in);
            } catch (Refusal broken) {
                throw new IllegalStateException(
                        "Built-in framework " + file.getFilename() + " is invalid: " + broken, broken);
            }
            if (store.exists(draft.code(), draft.version())) {
                continue;
            }
            try {
                store.save(draft, FrameworkSource.BUILT_IN, FrameworkStatus.PUBLISHED, null);
                log.info("Loaded built-in framework {} {}", draft.code(), draft.version());
            } catch (DuplicateKeyException | Refusal anotherNodeWasFirst) {
                log.info("Built-in framework {} {} was loaded by another node", draft.code(), draft.version());
            }
        }
    }
}
