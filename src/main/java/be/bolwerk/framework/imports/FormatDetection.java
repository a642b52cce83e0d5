package be.bolwerk.framework.imports;

import be.bolwerk.shared.Refusal;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tells from a file's content which format it is in, so nobody has to know it and a wrong guess never yields a
 * parser error about a field that "should" be there. An OSCAL document names its model as its one top-level
 * property ({@code catalog}, {@code profile}, …); a Bolwerk file has {@code format}, {@code code} and
 * {@code nodes} at the top. Only the top level is read, and only until a property decides.
 *
 * <p>A file that is not readable JSON is left to the chosen (or Bolwerk's) parser, which says exactly where it
 * broke.
 */
@Component
class FormatDetection {

    /** The OSCAL models that are not a catalog: named so the refusal can say which one it got. */
    private static final Set<String> OTHER_OSCAL = Set.of(
            "component-definition",
            "system-security-plan",
            "assessment-plan",
            "assessment-results",
            "plan-of-action-and-milestones",
            "mapping-collection");

    private static final Set<String> BOLWERK = Set.of("format", "code", "nodes");

    private final JsonMapper mapper;

    FormatDetection(JsonMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * The file's format. {@code claimed} is what the caller said it was, or null; a file that is clearly the other
     * format is refused with what it is, in the reader's language.
     */
    FrameworkImports.Kind detect(Path file, FrameworkImports.Kind claimed) throws IOException {
        FrameworkImports.Kind found;
        try (InputStream in = Files.newInputStream(file);
                JsonParser parser = mapper.createParser(in)) {
            found = topLevel(parser);
        } catch (JacksonException unreadable) {
            // Broken JSON: the parser of the claimed format (or ours) explains where, better than we could here.
            return claimed != null ? claimed : FrameworkImports.Kind.BOLWERK;
        }
        if (found == null) {
            if (claimed != null) {
                return claimed;
            }
            throw Refusal.invalid("framework.invalid.unknownFormat", "");
        }
        if (claimed != null && claimed != found) {
            throw Refusal.invalid(
                    found == FrameworkImports.Kind.OSCAL ? "framework.invalid.isOscal" : "framework.invalid.isBolwerk",
                    "");
        }
        return found;
    }

    /** The format the top-level properties decide, or null when none does (or the file is not an object). */
    private static FrameworkImports.Kind topLevel(JsonParser parser) {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            return null;
        }
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = parser.currentName();
            if ("catalog".equals(name)) {
                return FrameworkImports.Kind.OSCAL;
            }
            if ("profile".equals(name)) {
                throw Refusal.invalid("framework.invalid.oscalProfile", "");
            }
            if (OTHER_OSCAL.contains(name)) {
                throw Refusal.invalid("framework.invalid.oscalModel", name);
            }
            if (BOLWERK.contains(name)) {
                return FrameworkImports.Kind.BOLWERK;
            }
            parser.nextToken();
            parser.skipChildren();
        }
        return null;
    }
}
