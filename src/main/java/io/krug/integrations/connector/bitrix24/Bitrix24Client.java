package io.krug.integrations.connector.bitrix24;

import io.krug.integrations.connector.ConnectorException;
import io.krug.integrations.connector.ConnectorException.Kind;
import io.krug.integrations.connector.RetryAfter;
import io.krug.platform.logging.Masking;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls Bitrix24 REST methods through an inbound webhook ({@code POST <webhook_url><method>} with a JSON body) and
 * turns Bitrix24's error answers ({@code {"error": "…", "error_description": "…"}}) and HTTP failures into
 * {@link ConnectorException}s. The webhook URL is a secret: no message and no exception cause carries it.
 */
final class Bitrix24Client {

	/** Error codes Bitrix24 answers when the webhook is wrong, revoked or lacks the {@code crm} scope. */
	static final Set<String> AUTH_ERRORS = Set.of("expired_token", "invalid_token", "INVALID_CREDENTIALS",
			"NO_AUTH_FOUND", "insufficient_scope", "ACCESS_DENIED", "authorization_error", "user_access_error",
			"invalid_client", "wrong_client");

	static final String RATE_LIMIT_ERROR = "QUERY_LIMIT_EXCEEDED";

	private static final JsonMapper JSON = JsonMapper.builder()
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.build();

	private static final int MAX_DETAIL = 200;

	private final RestClient http;

	private final Clock clock;

	Bitrix24Client(RestClient.Builder builder, Clock clock) {
		this.http = builder.build();
		this.clock = clock;
	}

	/** The whole answer of a successful call ({@code result}, {@code next}, {@code total}, {@code time}). */
	JsonNode call(String webhookUrl, String method, Map<String, ?> parameters) {
		URI uri = URI.create(webhookUrl + method);
		try {
			return http.post()
				.uri(uri)
				.contentType(MediaType.APPLICATION_JSON)
				.accept(MediaType.APPLICATION_JSON)
				.body(JSON.writeValueAsString(parameters))
				.exchange((request, response) -> read(method, response.getStatusCode().value(), response.getHeaders(),
						new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8)));
		}
		catch (ResourceAccessException ex) {
			throw new ConnectorException(Kind.UNAVAILABLE,
					"Bitrix24 could not be reached: " + ex.getMostSpecificCause().getClass().getSimpleName());
		}
	}

	private JsonNode read(String method, int status, HttpHeaders headers, String body) {
		JsonNode answer = parse(body);
		String error = answer == null ? null : answer.path("error").asString(null);
		if (error != null && !error.isBlank()) {
			throw failure(method, status, headers, error, answer.path("error_description").asString(""));
		}
		if (status >= 400) {
			throw failure(method, status, headers, null, "");
		}
		if (answer == null) {
			throw new ConnectorException(Kind.MALFORMED, "Bitrix24 answered " + method + " with something not JSON");
		}
		return answer;
	}

	private ConnectorException failure(String method, int status, HttpHeaders headers, @Nullable String error,
			String description) {
		String message = "Bitrix24 refused " + method + " (HTTP " + status + (error == null ? "" : ", " + error) + ")"
				+ detail(description);
		if (RATE_LIMIT_ERROR.equals(error) || status == 429) {
			return new ConnectorException(Kind.RATE_LIMITED, message,
					RetryAfter.parse(headers.getFirst(HttpHeaders.RETRY_AFTER), clock), null);
		}
		if ((error != null && AUTH_ERRORS.contains(error)) || status == 401 || status == 403) {
			return new ConnectorException(Kind.AUTH, message);
		}
		if (status >= 500) {
			return new ConnectorException(Kind.UNAVAILABLE, message);
		}
		return new ConnectorException(Kind.CONFIG, message);
	}

	private static @Nullable JsonNode parse(String body) {
		try {
			JsonNode node = JSON.readTree(body);
			return node.isObject() ? node : null;
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	private static String detail(String description) {
		if (description.isBlank()) {
			return "";
		}
		String masked = Masking.mask(description.strip());
		return ": " + (masked.length() <= MAX_DETAIL ? masked : masked.substring(0, MAX_DETAIL) + "…");
	}
}
