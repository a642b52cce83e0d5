package be.bolwerk.findings.api;

import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.GlobalOperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The answers about revisions in the OpenAPI document: every write on a finding may answer 412 (the If-Match it
 * sent is stale), and a change of details 428 (it sent none). The shared customiser documents the other problems.
 */
@Configuration(proxyBeanMethods = false)
class RevisionAnswers {

    @Bean
    GlobalOperationCustomizer findingRevisionAnswers() {
        return (operation, handler) -> {
            Class<?> type = handler.getBeanType();
            boolean action = type == FindingActionApiController.class;
            boolean change = type == FindingWriteApiController.class
                    && handler.getMethod().getName().equals("change");
            if (action || change) {
                ApiResponses responses = operation.getResponses();
                responses.addApiResponse("412", problem("The finding changed since the revision sent in If-Match"));
                if (change) {
                    responses.addApiResponse("428", problem("If-Match is missing: send the ETag that was read"));
                }
            }
            return operation;
        };
    }

    private static ApiResponse problem(String description) {
        return new ApiResponse()
                .description(description)
                .content(new Content()
                        .addMediaType(
                                org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                                new MediaType().schema(new Schema<>().$ref("#/components/schemas/ProblemDetail"))));
    }
}
