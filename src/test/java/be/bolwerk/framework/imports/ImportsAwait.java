package be.bolwerk.framework.imports;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;

/** Waits for a background framework import to finish, for tests that import a framework of their own. */
public final class ImportsAwait {

    private ImportsAwait() {}

    public static FrameworkImports.Status finished(FrameworkImports imports, UUID importId) {
        return await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> imports.status(importId).orElseThrow(), status -> !status.running());
    }
}
