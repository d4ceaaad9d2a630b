package io.krug.integrations.connector;

import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * GETs JSON from a partner system with Spring's {@link RestClient}, bounded by connect and read timeouts, and turns
 * every failure into the {@link ConnectorException} the SPI asks for: 401/403 {@code AUTH}, 429
 * {@code RATE_LIMITED} (with {@code Retry-After} seconds), other 4xx {@code CONFIG} (the request we built is what
 * the system rejects, usually a wrong id in the settings), 5xx and I/O {@code UNAVAILABLE}, an unparsable body
 * {@code MALFORMED}; a target {@link ConnectorTargets} refuses is {@code CONFIG}. Messages name the system and the
 * status, never the URL's query or a header.
 */
public final class JsonApiClient {

	private final String system;

	private final JsonMapper json;

	private final RestClient rest;

	private final ConnectorTargets targets;

	public JsonApiClient(String system, JsonMapper json, Duration connectTimeout, Duration readTimeout,
			ConnectorTargets targets) {
		this.system = system;
		this.json = json;
		this.targets = targets;
		JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(
				HttpClient.newBuilder().connectTimeout(connectTimeout).followRedirects(HttpClient.Redirect.NEVER).build());
		factory.setReadTimeout(readTimeout);
		this.rest = RestClient.builder().requestFactory(factory).build();
	}

	/**
	 * The JSON a GET answers; {@code null} for 204 No Content.
	 *
	 * @param query adds the query parameters to the builder
	 */
	public @Nullable JsonNode get(String baseUrl, String path, Consumer<UriComponentsBuilder> query,
			Map<String, String> headers) {
		URI uri = uri(baseUrl, path, query);
		targets.check(uri);
		try {
			return rest.get().uri(uri).accept(MediaType.APPLICATION_JSON).headers(h -> headers.forEach(h::set))
				.exchange((request, response) -> {
					HttpStatusCode status = response.getStatusCode();
					String body = new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8);
					if (status.value() == 204) {
						return null;
					}
					if (!status.is2xxSuccessful()) {
						throw failure(status.value(), response.getHeaders().getFirst("Retry-After"));
					}
					return parse(body);
				}, true);
		}
		catch (IllegalArgumentException ex) {
			throw new ConnectorException(ConnectorException.Kind.CONFIG,
					"A secret or setting has characters an HTTP request cannot carry", null, ex);
		}
		catch (ResourceAccessException | UncheckedIOException ex) {
			throw new ConnectorException(ConnectorException.Kind.UNAVAILABLE,
					system + " could not be reached: " + rootMessage(ex), null, ex);
		}
	}

	private URI uri(String baseUrl, String path, Consumer<UriComponentsBuilder> query) {
		try {
			UriComponentsBuilder builder = UriComponentsBuilder.fromUriString(baseUrl.replaceAll("/+$", "")).path(path);
			query.accept(builder);
			URI uri = builder.encode().build().toUri();
			if (uri.getScheme() == null || !uri.getScheme().startsWith("http") || uri.getHost() == null) {
				throw new IllegalArgumentException("not an http(s) URL");
			}
			return uri;
		}
		catch (IllegalArgumentException ex) {
			throw new ConnectorException(ConnectorException.Kind.CONFIG, "The setting base_url is not a valid URL");
		}
	}

	private JsonNode parse(String body) {
		try {
			return json.readTree(body);
		}
		catch (JacksonException ex) {
			throw new ConnectorException(ConnectorException.Kind.MALFORMED, system + " answered something that is "
					+ "not JSON", null, ex);
		}
	}

	private ConnectorException failure(int status, @Nullable String retryAfter) {
		String message = system + " answered HTTP " + status;
		if (status == 401 || status == 403) {
			return new ConnectorException(ConnectorException.Kind.AUTH, message + ": the credentials were refused");
		}
		if (status == 429) {
			return new ConnectorException(ConnectorException.Kind.RATE_LIMITED, message + ": too many requests",
					retryAfter(retryAfter), null);
		}
		if (status >= 500) {
			return new ConnectorException(ConnectorException.Kind.UNAVAILABLE, message);
		}
		return new ConnectorException(ConnectorException.Kind.CONFIG, message + ": check the settings");
	}

	private static @Nullable Duration retryAfter(@Nullable String header) {
		if (header == null || !header.strip().matches("\\d{1,6}")) {
			return null;
		}
		return Duration.ofSeconds(Long.parseLong(header.strip()));
	}

	private static String rootMessage(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null) {
			root = root.getCause();
		}
		return root.getClass().getSimpleName();
	}

	/** A required field of a JSON answer, or {@code MALFORMED}. */
	public JsonNode required(JsonNode node, String field) {
		JsonNode value = node.get(field);
		if (value == null || value.isNull() || value.isMissingNode()) {
			throw new ConnectorException(ConnectorException.Kind.MALFORMED,
					system + " answered without the field " + field);
		}
		return value;
	}
}
