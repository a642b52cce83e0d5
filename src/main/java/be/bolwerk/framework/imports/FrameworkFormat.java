package be.bolwerk.framework.imports;

import be.bolwerk.framework.Framework;
import be.bolwerk.framework.FrameworkNode;
import be.bolwerk.shared.Refusal;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Reads and writes Bolwerk's own framework files ({@code bolwerk-framework/1}, docs/frameworks.md). */
@Component
public class FrameworkFormat {

    private final JsonMapper reader;
    private final JsonMapper writer;

    /** The application's mapper, so JSON input follows the same rules everywhere (no control characters). */
    FrameworkFormat(JsonMapper mapper) {
        this.reader = mapper.rebuild()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();
        this.writer =
                mapper.rebuild().enable(SerializationFeature.INDENT_OUTPUT).build();
    }

    FrameworkDraft read(InputStream in) {
        FrameworkFile file;
        try {
            file = reader.readValue(in, FrameworkFile.class);
        } catch (JacksonException unreadable) {
            throw ParserProblems.explain(unreadable, "shape");
        }
        if (file == null) {
            throw Refusal.invalid("framework.invalid.json", "1:1");
        }
        return FrameworkRules.check(file);
    }

    public void write(Framework framework, OutputStream out) {
        writer.writeValue(out, file(framework));
    }

    static FrameworkFile file(Framework framework) {
        List<FrameworkFile.Tag> tags = framework.tags().stream()
                .map(t -> new FrameworkFile.Tag(t.code(), t.label()))
                .toList();
        List<FrameworkFile.Node> nodes = new ArrayList<>();
        framework.areas().forEach(area -> nodes.add(node(area)));
        return new FrameworkFile(
                FrameworkFile.FORMAT,
                framework.code(),
                framework.version(),
                framework.title(),
                framework.language(),
                framework.description(),
                new FrameworkFile.Limits(
                        framework.thresholds().keyMeasureMinimum(),
                        framework.thresholds().areaMinimum(),
                        framework.thresholds().totalMinimum()),
                tags,
                nodes,
                framework.mappedFrom() == null
                        ? null
                        : new FrameworkFile.Mapping(framework.mappedFrom(), framework.mapping()));
    }

    private static FrameworkFile.Node node(FrameworkNode node) {
        return new FrameworkFile.Node(
                node.ref(),
                node.isControl() ? "control" : "group",
                node.title(),
                node.description(),
                node.question(),
                node.guidance(),
                node.evidence(),
                node.weight(),
                node.keyMeasure() ? Boolean.TRUE : null,
                node.tags(),
                node.children().stream().map(FrameworkFormat::node).toList());
    }
}
