package io.krug.platform.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.Map;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document at {@code /v3/api-docs} (Swagger UI at {@code /docs}): bearer authentication, the
 * {@code X-Krug-Program} header, and the problem responses every endpoint can give, with examples.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfig {

	static final String PROBLEM = "Problem";

	@Bean
	OpenAPI krugOpenApi() {
		Schema<?> fieldError = new ObjectSchema().addProperty("field", new StringSchema().example("phone"))
			.addProperty("message", new StringSchema().example("'12345' is not a valid phone number."));
		Schema<?> problem = new ObjectSchema().description("RFC 9457 problem details with a stable code")
			.addProperty("type", new StringSchema().example("https://krug.dev/problems/validation-failed"))
			.addProperty("title", new StringSchema().example("Validation failed"))
			.addProperty("status", new IntegerSchema().example(422))
			.addProperty("detail", new StringSchema().example("The request has invalid fields."))
			.addProperty("code", new StringSchema().example("validation_failed"))
			.addProperty("errors", new io.swagger.v3.oas.models.media.ArraySchema().items(fieldError));
		return new OpenAPI()
			.info(new Info().title("Krug API")
				.version("v1")
				.description("Loyalty, referral and monetization engine. JSON uses snake_case. Errors are "
						+ "application/problem+json with a stable `code`. Lists take `limit`/`offset` and return `total`. "
						+ "Value-moving POSTs take an `Idempotency-Key` header.")
				.license(new License().name("Apache 2.0").url("https://www.apache.org/licenses/LICENSE-2.0")))
			.components(new Components().addSchemas(PROBLEM, problem)
				.addSecuritySchemes("bearer", new SecurityScheme().type(SecurityScheme.Type.HTTP)
					.scheme("bearer")
					.description("A member's or staff member's access token (JWT), or an API key krug_sk_…")))
			.addSecurityItem(new SecurityRequirement().addList("bearer"));
	}

	/**
	 * Property names in the document as the API writes them: swagger-core reads models with its own (Jackson 2)
	 * mapper, so it is told the API's snake_case naming here.
	 */
	@Bean
	io.swagger.v3.core.jackson.ModelResolver snakeCaseModels() {
		return new io.swagger.v3.core.jackson.ModelResolver(new com.fasterxml.jackson.databind.ObjectMapper()
			.setPropertyNamingStrategy(com.fasterxml.jackson.databind.PropertyNamingStrategies.SNAKE_CASE));
	}

	/** Adds the program header and the standard problem responses (with examples) to every operation. */
	@Bean
	OperationCustomizer problemResponses() {
		Map<String, String[]> standard = Map.of("400", new String[] { "malformed_request", "Malformed request" },
				"401", new String[] { "unauthenticated", "Authentication required" }, "403",
				new String[] { "forbidden", "Not allowed" }, "413",
				new String[] { "payload_too_large", "Request body too large" }, "415",
				new String[] { "unsupported_media_type", "Unsupported content type" }, "422",
				new String[] { "validation_failed", "Validation failed" }, "429",
				new String[] { "rate_limited", "Too many requests" }, "500",
				new String[] { "internal", "Internal error" });
		return (operation, handlerMethod) -> {
			operation.addParametersItem(new HeaderParameter().name("X-Krug-Program")
				.description("Program slug for calls without credentials; the default program when absent")
				.required(false)
				.schema(new StringSchema().example("default")));
			operation.addParametersItem(new HeaderParameter().name("X-Request-Id")
				.description("Correlation id, echoed on the response and in every log line")
				.required(false)
				.schema(new StringSchema()));
			ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
			standard.forEach((status, codeAndTitle) -> {
				ApiResponse existing = responses.get(status);
				String description = existing != null && existing.getDescription() != null ? existing.getDescription()
						: codeAndTitle[1];
				responses.addApiResponse(status, new ApiResponse().description(description).content(problemContent(
						Integer.parseInt(status), existing != null ? firstCode(existing.getDescription(), codeAndTitle[0])
								: codeAndTitle[0],
						codeAndTitle[1])));
			});
			responses.forEach((status, response) -> {
				if (status.startsWith("4") && !status.equals("400") && !standard.containsKey(status)) {
					response.setContent(problemContent(Integer.parseInt(status),
							firstCode(response.getDescription(), "not_found"), response.getDescription()));
				}
			});
			operation.setResponses(responses);
			return operation;
		};
	}

	private static Content problemContent(int status, String code, String title) {
		Map<String, Object> example = Map.of("type", Problems.TYPE_BASE + code.replace('_', '-'), "title", title,
				"status", status, "detail", title + ".", "code", code);
		return new Content().addMediaType("application/problem+json",
				new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))
					.addExamples(code, new Example().value(example)));
	}

	/** The first snake_case word of a response description, taken as its code ("invalid_code (wrong…)"). */
	private static String firstCode(String description, String fallback) {
		if (description == null) {
			return fallback;
		}
		String first = description.split("[ ,:;(]")[0];
		return first.matches("[a-z]+(_[a-z]+)+") ? first : fallback;
	}
}
