package be.bolwerk.shared.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springdoc.core.customizers.GlobalOperationCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;

/**
 * The OpenAPI document of the JSON API says what a client needs beyond the paths: how it authenticates, the
 * licence, and which problem+json answers each operation can give. The answers are derived from the handler
 * method itself, so a new endpoint is documented the moment it exists and an operation never claims an answer it
 * cannot give (springdoc's own default would attach every exception handler's status to every operation; the
 * application settings turn that off).
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    static final String BEARER_TOKEN = "bearerToken";
    static final String SESSION = "session";

    private static final String PROBLEM = "ProblemDetail";
    private static final Set<RequestMethod> READING = Set.of(RequestMethod.GET, RequestMethod.HEAD);

    /** Security schemes, the licence, and one server relative to wherever the document is served. */
    @Bean
    GlobalOpenApiCustomizer apiDocument(@Value(SecureCookies.SWITCH) boolean secureCookies) {
        return openApi -> {
            openApi.info(new Info()
                    .title("Bolwerk API")
                    .version("v1")
                    .description("The JSON API of Bolwerk. Errors are RFC 9457 problem details"
                            + " (application/problem+json) in the caller's language.")
                    // The repository has no open-source licence: the code and this API are not licensed to others.
                    .license(new License()
                            .name("Proprietary, all rights reserved")
                            .identifier("LicenseRef-Bolwerk-Proprietary")));
            // The address people use differs per installation; a relative server is right for each of them.
            openApi.servers(List.of(new Server().url("/").description("This installation")));
            Components components = openApi.getComponents() == null ? new Components() : openApi.getComponents();
            openApi.components(components
                    .addSecuritySchemes(
                            BEARER_TOKEN,
                            new SecurityScheme()
                                    .type(SecurityScheme.Type.HTTP)
                                    .scheme("bearer")
                                    .bearerFormat("bwk_…")
                                    .description("A personal API token (made at /account/tokens) as"
                                            + " 'Authorization: Bearer bwk_…'. A read-only token may only read."))
                    .addSecuritySchemes(
                            SESSION,
                            new SecurityScheme()
                                    .type(SecurityScheme.Type.APIKEY)
                                    .in(SecurityScheme.In.COOKIE)
                                    .name(SecureCookies.name("BOLWERK_SESSION", secureCookies))
                                    .description("The session of a person signed in with both steps; a write also"
                                            + " needs the CSRF token of that session (X-CSRF-TOKEN)."))
                    .addSchemas(PROBLEM, problemSchema()));
            // Either scheme is enough on its own.
            openApi.security(List.of(
                    new SecurityRequirement().addList(BEARER_TOKEN), new SecurityRequirement().addList(SESSION)));
        };
    }

    /** The problem answers each operation really gives, as its handler method shows them. */
    @Bean
    GlobalOperationCustomizer problemAnswers() {
        return (operation, handler) -> {
            Map<String, String> answers = problemsOf(handler);
            ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
            answers.forEach((status, description) -> {
                ApiResponse response = responses.computeIfAbsent(status, s -> new ApiResponse());
                if (response.getDescription() == null
                        || response.getDescription().isBlank()) {
                    response.setDescription(description);
                }
                response.setContent(new Content()
                        .addMediaType(
                                org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
            });
            operation.setResponses(responses);
            return operation;
        };
    }

    /**
     * 401 anywhere (the whole API needs a credential); 403 for a role check and for every write (no CSRF token
     * with the session cookie, or a read-only token); 400 where the caller sends a value or a body that can be
     * malformed or invalid; 404 where the path names something that may not exist or not be the caller's; 409
     * and 422 where a body carries a command that the domain may refuse ({@code Refusal.conflict} and
     * {@code Refusal.invalid}).
     */
    static Map<String, String> problemsOf(HandlerMethod handler) {
        List<MethodParameter> parameters = Arrays.asList(handler.getMethodParameters());
        boolean pathVariable = parameters.stream().anyMatch(p -> p.hasParameterAnnotation(PathVariable.class));
        boolean requestParam = parameters.stream().anyMatch(p -> p.hasParameterAnnotation(RequestParam.class));
        boolean body = parameters.stream().anyMatch(p -> p.hasParameterAnnotation(RequestBody.class));
        Map<String, String> answers = new LinkedHashMap<>();
        if (pathVariable || requestParam || body) {
            answers.put("400", "A value or the body is malformed or invalid");
        }
        answers.put("401", "No credential, or one that is unknown, expired or revoked");
        if (roleChecked(handler) || writes(handler)) {
            answers.put("403", "The caller may not use this function (role, read-only token, missing CSRF token)");
        }
        if (pathVariable) {
            answers.put("404", "It does not exist, or it is not the caller's");
        }
        if (body) {
            answers.put("409", "Refused: it conflicts with the current state (e.g. a newer revision)");
            answers.put("422", "Refused: the content breaks a rule of the domain");
        }
        return answers;
    }

    private static boolean roleChecked(HandlerMethod handler) {
        return AnnotatedElementUtils.hasAnnotation(handler.getMethod(), PreAuthorize.class)
                || AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), PreAuthorize.class);
    }

    private static boolean writes(HandlerMethod handler) {
        RequestMapping mapping = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), RequestMapping.class);
        return mapping != null
                && (mapping.method().length == 0
                        || Arrays.stream(mapping.method()).anyMatch(m -> !READING.contains(m)));
    }

    /**
     * RFC 9457 as Spring writes it: extension members sit next to the standard ones (not under a
     * {@code properties} field, which is what springdoc would derive from the Java class).
     */
    private static Schema<?> problemSchema() {
        return new ObjectSchema()
                .description("RFC 9457 problem details")
                .addProperty("type", new StringSchema().format("uri").description("The kind of problem"))
                .addProperty("title", new StringSchema().description("Short, in the caller's language"))
                .addProperty("status", new IntegerSchema().format("int32").description("The HTTP status"))
                .addProperty("detail", new StringSchema().description("What went wrong, in the caller's language"))
                .addProperty("instance", new StringSchema().format("uri").description("The request's path"))
                .additionalProperties(true);
    }
}
