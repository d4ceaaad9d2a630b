package io.krug.integrations.connector.onec;

import io.krug.integrations.connector.ConnectorException;
import io.krug.integrations.connector.ConnectorException.Kind;
import io.krug.integrations.connector.RetryAfter;
import io.krug.platform.logging.Masking;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
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
 * GETs from a 1C infobase's OData interface with HTTP Basic authentication and turns every failure into a
 * {@link ConnectorException}; an error's text is 1C's {@code odata.error} message, masked and clipped.
 */
final class ODataClient {

	private static final JsonMapper JSON = JsonMapper.builder()
		.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
		.build();

	private static final int MAX_DETAIL = 200;

	private final RestClient http;

	private final Clock clock;

	ODataClient(RestClient.Builder builder, Clock clock) {
		this.http = builder.build();
		this.clock = clock;
	}

	JsonNode get(URI uri, String username, String password) {
		try {
			return http.get()
				.uri(uri)
				.accept(MediaType.APPLICATION_JSON)
				.headers(headers -> headers.setBasicAuth(username, password, StandardCharsets.UTF_8))
				.exchange((request, response) -> read(response.getStatusCode().value(), response.getHeaders(),
						new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8)));
		}
		catch (ResourceAccessException ex) {
			throw new ConnectorException(Kind.UNAVAILABLE,
					"1C could not be reached: " + ex.getMostSpecificCause().getClass().getSimpleName(), null, ex);
		}
	}

	private JsonNode read(int status, HttpHeaders headers, String body) throws IOException {
		if (status == 401 || status == 403) {
			throw new ConnectorException(Kind.AUTH, "1C refused the credentials (HTTP " + status + ")");
		}
		if (status == 429) {
			throw new ConnectorException(Kind.RATE_LIMITED, "1C asked to slow down (HTTP 429)",
					RetryAfter.parse(headers.getFirst(HttpHeaders.RETRY_AFTER), clock), null);
		}
		if (status >= 500) {
			throw new ConnectorException(Kind.UNAVAILABLE, "1C failed (HTTP " + status + ")" + detail(body));
		}
		if (status >= 400) {
			throw new ConnectorException(Kind.CONFIG, "1C rejected the query (HTTP " + status
					+ "), check the document and field settings" + detail(body));
		}
		try {
			return JSON.readTree(body);
		}
		catch (JacksonException ex) {
			throw new ConnectorException(Kind.MALFORMED, "1C answered something that is not JSON");
		}
	}

	private static String detail(String body) {
		try {
			JsonNode message = JSON.readTree(body).path("odata.error").path("message").path("value");
			if (!message.isString() || message.asString().isBlank()) {
				return "";
			}
			String masked = Masking.mask(message.asString().strip());
			return ": " + (masked.length() <= MAX_DETAIL ? masked : masked.substring(0, MAX_DETAIL) + "…");
		}
		catch (JacksonException ex) {
			return "";
		}
	}
}
