package io.krug.integrations.connector.renovatio;

import io.krug.integrations.connector.ConnectorException;
import io.krug.integrations.connector.ConnectorException.Kind;
import io.krug.integrations.connector.RetryAfter;
import io.krug.platform.logging.Masking;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls a method of Renovatio's public API: {@code POST <base_url>/<method>} with a form body carrying the
 * {@code api_key} (so the key is never part of a URL), answered by the envelope {@code {"error": 0, "data": …}}
 * or {@code {"error": 1, "data": {"code": …, "desc": …}}}. HTTP failures and error envelopes become
 * {@link ConnectorException}s.
 */
final class RenovatioClient {

	private static final JsonMapper JSON = JsonMapper.builder()
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.build();

	private static final int MAX_DETAIL = 200;

	private final RestClient http;

	private final Clock clock;

	RenovatioClient(RestClient.Builder builder, Clock clock) {
		this.http = builder.build();
		this.clock = clock;
	}

	/** The envelope's {@code data} of a successful call. */
	JsonNode call(String baseUrl, String apiKey, String method, Map<String, String> parameters) {
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("api_key", apiKey);
		parameters.forEach(form::add);
		try {
			return http.post()
				.uri(URI.create(baseUrl + "/" + method))
				.contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.accept(MediaType.APPLICATION_JSON)
				.body(form)
				.exchange((request, response) -> read(method, response.getStatusCode().value(), response.getHeaders(),
						new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8)));
		}
		catch (ResourceAccessException ex) {
			throw new ConnectorException(Kind.UNAVAILABLE,
					"Renovatio could not be reached: " + ex.getMostSpecificCause().getClass().getSimpleName(), null,
					ex);
		}
	}

	private JsonNode read(String method, int status, HttpHeaders headers, String body) {
		if (status == 401 || status == 403) {
			throw new ConnectorException(Kind.AUTH, "Renovatio refused the api_key (HTTP " + status + ")");
		}
		if (status == 429) {
			throw new ConnectorException(Kind.RATE_LIMITED, "Renovatio asked to slow down (HTTP 429)",
					RetryAfter.parse(headers.getFirst(HttpHeaders.RETRY_AFTER), clock), null);
		}
		if (status >= 500) {
			throw new ConnectorException(Kind.UNAVAILABLE, "Renovatio failed (HTTP " + status + ")");
		}
		if (status >= 400) {
			throw new ConnectorException(Kind.CONFIG, "Renovatio rejected " + method + " (HTTP " + status + ")");
		}
		JsonNode envelope = parse(body);
		if (envelope == null || !envelope.path("error").canConvertToInt()) {
			throw new ConnectorException(Kind.MALFORMED, "Renovatio answered " + method + " without its envelope");
		}
		if (envelope.path("error").asInt() != 0) {
			throw refusal(method, envelope.path("data"));
		}
		return envelope.path("data");
	}

	private static ConnectorException refusal(String method, JsonNode error) {
		int code = error.path("code").asInt(0);
		String message = "Renovatio refused " + method + " (code " + code + ")" + detail(error.path("desc"));
		return switch (code) {
			case 401, 403 -> new ConnectorException(Kind.AUTH, message);
			case 429 -> new ConnectorException(Kind.RATE_LIMITED, message);
			default -> new ConnectorException(Kind.CONFIG, message);
		};
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

	private static String detail(JsonNode description) {
		if (!description.isString() || description.asString().isBlank()) {
			return "";
		}
		String masked = Masking.mask(description.asString().strip());
		return ": " + (masked.length() <= MAX_DETAIL ? masked : masked.substring(0, MAX_DETAIL) + "…");
	}
}
