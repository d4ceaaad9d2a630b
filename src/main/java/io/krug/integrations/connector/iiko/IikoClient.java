package io.krug.integrations.connector.iiko;

import io.krug.integrations.connector.ConnectorException;
import io.krug.integrations.connector.ConnectorException.Kind;
import io.krug.integrations.connector.RetryAfter;
import io.krug.platform.crypto.Hashing;
import io.krug.platform.logging.Masking;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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
 * Calls the iikoCloud API: exchanges the {@code apiLogin} for an access token ({@code POST /api/1/access_token}),
 * keeps the token for its documented lifetime of one hour (less a margin) per API login, sends it as a bearer token,
 * and fetches a fresh one once when a call is refused with 401. Failures become {@link ConnectorException}s whose
 * text is iiko's {@code errorDescription}, masked and clipped; the API login never appears in them.
 */
final class IikoClient {

	/** iikoCloud tokens live one hour; this one is replaced five minutes before. */
	static final Duration TOKEN_REUSE = Duration.ofMinutes(55);

	private static final JsonMapper JSON = JsonMapper.builder()
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.build();

	private static final int MAX_DETAIL = 200;

	private final RestClient http;

	private final Clock clock;

	private final Map<String, Token> tokens = new ConcurrentHashMap<>();

	IikoClient(RestClient.Builder builder, Clock clock) {
		this.http = builder.build();
		this.clock = clock;
	}

	/** POSTs {@code body} to {@code path} with a valid token; the parsed JSON answer. */
	JsonNode call(String baseUrl, String apiLogin, String path, Map<String, ?> body) {
		String key = baseUrl + " " + Hashing.sha256(apiLogin);
		Answer answer = send(baseUrl + path, token(key, baseUrl, apiLogin), body);
		if (answer.status() == 401) {
			tokens.remove(key);
			answer = send(baseUrl + path, token(key, baseUrl, apiLogin), body);
		}
		return json(path, answer, apiLogin);
	}

	private String token(String key, String baseUrl, String apiLogin) {
		Token cached = tokens.get(key);
		if (cached != null && clock.instant().isBefore(cached.reuseUntil())) {
			return cached.value();
		}
		Instant issuedAt = clock.instant();
		JsonNode answer = json("/api/1/access_token",
				send(baseUrl + "/api/1/access_token", null, Map.of("apiLogin", apiLogin)), apiLogin);
		JsonNode token = answer.path("token");
		if (!token.isString() || token.asString().isBlank()) {
			throw new ConnectorException(Kind.MALFORMED, "iiko answered /api/1/access_token without a token");
		}
		tokens.put(key, new Token(token.asString(), issuedAt.plus(TOKEN_REUSE)));
		return token.asString();
	}

	private Answer send(String url, @Nullable String token, Map<String, ?> body) {
		try {
			return http.post()
				.uri(URI.create(url))
				.contentType(MediaType.APPLICATION_JSON)
				.accept(MediaType.APPLICATION_JSON)
				.headers(headers -> {
					if (token != null) {
						headers.setBearerAuth(token);
					}
				})
				.body(JSON.writeValueAsString(body))
				.exchange((request, response) -> new Answer(response.getStatusCode().value(), response.getHeaders(),
						new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8)));
		}
		catch (ResourceAccessException ex) {
			throw new ConnectorException(Kind.UNAVAILABLE,
					"iiko could not be reached: " + ex.getMostSpecificCause().getClass().getSimpleName(), null, ex);
		}
	}

	private JsonNode json(String path, Answer answer, String apiLogin) {
		int status = answer.status();
		String what = "iiko refused " + path + " (HTTP " + status + ")" + detail(answer.body(), apiLogin);
		if (status == 401 || status == 403) {
			throw new ConnectorException(Kind.AUTH, what);
		}
		if (status == 429) {
			throw new ConnectorException(Kind.RATE_LIMITED, what,
					RetryAfter.parse(answer.headers().getFirst(HttpHeaders.RETRY_AFTER), clock), null);
		}
		if (status == 408 || status >= 500) {
			throw new ConnectorException(Kind.UNAVAILABLE, what);
		}
		if (status >= 400) {
			throw new ConnectorException(Kind.CONFIG, what);
		}
		JsonNode node = parse(answer.body());
		if (node == null || !node.isObject()) {
			throw new ConnectorException(Kind.MALFORMED, "iiko answered " + path + " with something not JSON");
		}
		return node;
	}

	private static @Nullable JsonNode parse(String body) {
		try {
			return JSON.readTree(body);
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	/** iiko's {@code errorDescription}, with the API login cut out should iiko echo it. */
	private static String detail(String body, String apiLogin) {
		JsonNode node = parse(body);
		JsonNode description = node == null ? null : node.path("errorDescription");
		if (description == null || !description.isString() || description.asString().isBlank()) {
			return "";
		}
		String masked = Masking.mask(description.asString().replace(apiLogin, "***").strip());
		return ": " + (masked.length() <= MAX_DETAIL ? masked : masked.substring(0, MAX_DETAIL) + "…");
	}

	private record Answer(int status, HttpHeaders headers, String body) {
	}

	private record Token(String value, Instant reuseUntil) {
	}
}
