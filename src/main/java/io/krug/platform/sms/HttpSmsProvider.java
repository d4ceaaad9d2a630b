package io.krug.platform.sms;

import io.krug.platform.logging.Masking;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Delivers messages through a generic HTTP SMS gateway: the request is rendered from {@link HttpSmsProperties};
 * I/O errors, timeouts, 429 and 5xx are retried with exponential backoff, other 4xx fail at once. Its message log
 * entries keep the text masked: one-time codes must not sit in the database when a real gateway delivers them.
 */
class HttpSmsProvider implements SmsProvider {

	static final String NAME = "http";

	private static final Logger log = LoggerFactory.getLogger(HttpSmsProvider.class);

	private static final int MAX_ERROR_LENGTH = 300;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** Waits between attempts; tests pass one that records instead of sleeping. */
	@FunctionalInterface
	interface Sleeper {

		Sleeper THREAD = duration -> Thread.sleep(duration);

		void sleep(Duration duration) throws InterruptedException;
	}

	private final HttpSmsProperties properties;

	private final RestClient client;

	private final Sleeper sleeper;

	HttpSmsProvider(HttpSmsProperties properties, Sleeper sleeper) {
		if (properties.url() == null || properties.url().isBlank()) {
			throw new IllegalStateException("krug.sms.provider=http needs krug.sms.http.url");
		}
		if (properties.maxAttempts() < 1) {
			throw new IllegalStateException("krug.sms.http.max-attempts must be at least 1");
		}
		this.properties = properties;
		this.sleeper = sleeper;
		JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(
				HttpClient.newBuilder().connectTimeout(properties.connectTimeout()).build());
		factory.setReadTimeout(properties.readTimeout());
		this.client = RestClient.builder().requestFactory(factory).build();
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public boolean recordsFullText() {
		return false;
	}

	@Override
	public Delivery deliver(SmsMessage message) {
		Map<String, String> values = Map.of("phone", message.phoneE164(), "text", message.text(), "sender",
				properties.sender());
		URI uri = URI.create(SmsTemplate.render(properties.url(), values, SmsTemplate::url));
		HttpMethod method = HttpMethod.valueOf(properties.method().toUpperCase(Locale.ROOT));
		byte[] body = method == HttpMethod.GET ? null : SmsTemplate
			.render(properties.bodyTemplate(), values, SmsTemplate.escapingFor(properties.contentType()))
			.getBytes(StandardCharsets.UTF_8);
		Attempt attempt = null;
		for (int n = 1; n <= properties.maxAttempts(); n++) {
			attempt = attempt(method, uri, body);
			if (attempt.sent() || !attempt.retryable() || n == properties.maxAttempts()) {
				break;
			}
			try {
				sleeper.sleep(properties.backoff().multipliedBy(1L << Math.min(n - 1, 20)));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
		}
		if (attempt.sent()) {
			return Delivery.sent(attempt.messageId());
		}
		log.warn("SMS to {} [{}] failed: {}", Masking.phone(message.phoneE164()), message.purpose(), attempt.error());
		return Delivery.failed(attempt.error());
	}

	private Attempt attempt(HttpMethod method, URI uri, byte @Nullable [] body) {
		try {
			RestClient.RequestBodySpec request = client.method(method).uri(uri).headers(headers -> {
				properties.headers().forEach(headers::set);
				if (body != null) {
					headers.set(HttpHeaders.CONTENT_TYPE, properties.contentType());
				}
			});
			if (body != null) {
				request.body(body);
			}
			return request.exchange((req, response) -> {
				int status = response.getStatusCode().value();
				String text = new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8);
				if (response.getStatusCode().is2xxSuccessful()) {
					return new Attempt(true, false, messageId(text), null);
				}
				return new Attempt(false, status == 429 || status >= 500, null, "HTTP " + status + ": " + clip(text));
			});
		}
		catch (ResourceAccessException ex) {
			Throwable cause = ex.getMostSpecificCause();
			return new Attempt(false, true, null,
					"I/O error: " + cause.getClass().getSimpleName() + (cause.getMessage() == null ? ""
							: " " + clip(cause.getMessage())));
		}
	}

	private @Nullable String messageId(String responseBody) {
		String pointer = properties.messageIdPointer();
		if (pointer == null || pointer.isBlank() || responseBody.isBlank()) {
			return null;
		}
		try {
			JsonNode node = JSON.readTree(responseBody).at(pointer);
			if (node.isMissingNode() || node.isNull()) {
				return null;
			}
			return node.isValueNode() ? node.asString() : node.toString();
		}
		catch (JacksonException ex) {
			log.debug("SMS gateway response is not JSON; no message id", ex);
			return null;
		}
	}

	private static String clip(String text) {
		String masked = Masking.mask(text.strip());
		return masked.length() <= MAX_ERROR_LENGTH ? masked : masked.substring(0, MAX_ERROR_LENGTH) + "…";
	}

	private record Attempt(boolean sent, boolean retryable, @Nullable String messageId, @Nullable String error) {
	}
}
