package io.krug.webhooks.internal;

import io.krug.webhooks.WebhookEventType;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The webhook body: {@code {"type": "purchase.recorded", "timestamp": "<ISO-8601>", "data": {…}}}. Rendered once,
 * when the event is published; every delivery, retry and replay sends these exact bytes.
 */
final class Payloads {

	private static final JsonMapper JSON = JsonMapper.builder()
		.enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
		.build();

	private Payloads() {
	}

	static String render(WebhookEventType<?> type, Object event, Instant at) {
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("type", type.name());
		payload.put("timestamp", at.truncatedTo(ChronoUnit.MILLIS).toString());
		payload.put("data", EventData.data(type, event));
		return JSON.writeValueAsString(payload);
	}

	/** The example payload of a type, as a JSON object. */
	static Map<String, @Nullable Object> example(WebhookEventType<?> type, Instant at) {
		return JSON.readValue(render(type, type.example(), at), new TypeReference<Map<String, @Nullable Object>>() {
		});
	}
}
