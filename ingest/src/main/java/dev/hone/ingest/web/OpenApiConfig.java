package dev.hone.ingest.web;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.ProblemDetail;

import java.util.Map;

/**
 * The OpenAPI document (/v3/api-docs, Swagger UI at /swagger-ui.html). Every operation lists the
 * RFC 9457 problem responses it can give, with the shared {@code Problem} schema, so clients
 * see the error contract next to the happy path.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfig {

    private static final String PROBLEM = "Problem";

    @Bean
    OpenAPI honeOpenApi() {
        return new OpenAPI().info(new Info().title("Hone ingest").version("v1").description(
                "Learner-facing API of Hone: questions, answers (JSON and xAPI 1.0.3), queue and mastery. "
                        + "Errors are application/problem+json with an errors list of {field, reason}."));
    }

    @Bean
    OpenApiCustomizer documentedProblemResponses() {
        return openApi -> {
            Components components = openApi.getComponents() != null ? openApi.getComponents() : new Components();
            openApi.setComponents(components);
            components.addSchemas(PROBLEM, problemSchema());
            openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
                add(operation, "400", "invalid request: malformed JSON, wrong types, fields out of range (each named)");
                add(operation, "401", "no bearer token, or one that is expired, forged or malformed (WWW-Authenticate says which)");
                add(operation, "403", "a valid token whose role or learner may not do this");
                add(operation, "429", "too many requests from this client or for this learner; see Retry-After");
                if (method == io.swagger.v3.oas.models.PathItem.HttpMethod.POST
                        || method == io.swagger.v3.oas.models.PathItem.HttpMethod.PUT) {
                    add(operation, "413", "request body over the size limit (hone.limits.max-body)");
                    add(operation, "415", "Content-Type is not application/json");
                    add(operation, "503", "Kafka did not acknowledge in time; resend with the same id");
                }
            }));
        };
    }

    private static void add(Operation operation, String status, String description) {
        ApiResponses responses = operation.getResponses() != null ? operation.getResponses() : new ApiResponses();
        operation.setResponses(responses);
        responses.putIfAbsent(status, new ApiResponse().description(description).content(new Content().addMediaType(
                org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)))));
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema problemSchema() {
        Map<String, Schema> read = ModelConverters.getInstance().read(ProblemDetail.class);
        Schema problem = read.getOrDefault("ProblemDetail", new Schema<>().type("object"));
        Schema error = new Schema<>().type("object")
                .addProperty("field", new Schema<>().type("string").description("the request field at fault, e.g. learnerId or [2].result.response"))
                .addProperty("reason", new Schema<>().type("string"));
        problem.addProperty("errors", new Schema<>().type("array").items(error));
        problem.description("RFC 9457 problem details; no stack traces or internal names");
        return problem;
    }
}
