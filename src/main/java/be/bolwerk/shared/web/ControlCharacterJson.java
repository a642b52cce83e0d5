package be.bolwerk.shared.web;

import org.springframework.stereotype.Component;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * The JSON side of {@link ControlCharacterFilter}: a string with control characters in an API body is refused
 * as unreadable input (400 problem+json) instead of reaching the database. Boot adds every Jackson module bean
 * to the application's mapper.
 */
@Component
class ControlCharacterJson extends SimpleModule {

    ControlCharacterJson() {
        super("bolwerk-control-characters");
        addDeserializer(String.class, new CheckedStrings());
    }

    private static final class CheckedStrings extends StringDeserializer {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) {
            String value = super.deserialize(parser, context);
            if (value != null && ControlCharacterFilter.containsForbidden(value)) {
                return (String)
                        context.handleWeirdStringValue(String.class, value, "control characters are not accepted");
            }
            return value;
        }
    }
}
