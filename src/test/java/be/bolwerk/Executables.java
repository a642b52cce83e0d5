package be.bolwerk;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds a program that a test drives from outside the JVM (Chromium, Redocly): the path in an environment variable
 * when it is set, else the first of its names on the PATH. A missing program fails the test with the message
 * that says how to install it, never with an obscure error further on, and never by skipping the test.
 */
final class Executables {

    private Executables() {}

    /** {@code missing} is a format with one {@code %s}: what was looked for. */
    static Path locate(String variable, String missing, String... names) {
        Optional<Path> configured = Optional.ofNullable(System.getenv(variable))
                .filter(value -> !value.isBlank())
                .map(Path::of);
        if (configured.isPresent()) {
            if (!Files.isExecutable(configured.get())) {
                throw new IllegalStateException(missing.formatted(variable + "=" + configured.get()));
            }
            return configured.get();
        }
        List<Path> path = Stream.of(
                        System.getenv().getOrDefault("PATH", "/usr/bin").split(":"))
                .filter(dir -> !dir.isBlank())
                .map(Path::of)
                .toList();
        return Stream.of(names)
                .flatMap(name -> path.stream().map(dir -> dir.resolve(name)))
                .filter(Files::isExecutable)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(missing.formatted(String.join(" / ", names))));
    }
}
