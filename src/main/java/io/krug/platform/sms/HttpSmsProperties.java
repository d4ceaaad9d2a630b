package io.krug.platform.sms;

import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The generic HTTP SMS gateway ({@code krug.sms.http.*}, used when {@code krug.sms.provider=http}).
 *
 * @param url the gateway's endpoint; may contain the placeholders too (URL-encoded), for GET-style gateways
 * @param method HTTP method; a GET sends no body
 * @param headers extra request headers, e.g. {@code Authorization}
 * @param contentType the body's content type; {@code …json} bodies get JSON-escaped values, form bodies
 * URL-encoded ones
 * @param bodyTemplate the body with {@code {{phone}}}, {@code {{text}}} and {@code {{sender}}} placeholders
 * @param sender the sender name or number put in {@code {{sender}}}
 * @param connectTimeout time allowed to connect
 * @param readTimeout time allowed for the whole response
 * @param maxAttempts attempts in all, for I/O errors, timeouts, 429 and 5xx; other 4xx fail at once
 * @param backoff the wait before the second attempt, doubled before each further one
 * @param messageIdPointer JSON Pointer to the gateway's message id in its response, e.g. {@code /id}
 */
@ConfigurationProperties("krug.sms.http")
record HttpSmsProperties(@Nullable String url, @DefaultValue("POST") String method,
		@DefaultValue Map<String, String> headers, @DefaultValue("application/json") String contentType,
		@DefaultValue("{\"to\":\"{{phone}}\",\"text\":\"{{text}}\",\"from\":\"{{sender}}\"}") String bodyTemplate,
		@DefaultValue("Krug") String sender, @DefaultValue("2s") Duration connectTimeout,
		@DefaultValue("5s") Duration readTimeout, @DefaultValue("3") int maxAttempts,
		@DefaultValue("500ms") Duration backoff, @Nullable String messageIdPointer) {
}
