package io.krug.integrations.connector;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A webhook call as it arrived: its content type and raw body. */
public record InboundWebhook(@Nullable String contentType, byte[] body) {

	public String text() {
		return new String(body, StandardCharsets.UTF_8);
	}

	/** The body as {@code application/x-www-form-urlencoded} fields, in order (the last of a repeated name wins). */
	public Map<String, String> form() {
		Map<String, String> fields = new LinkedHashMap<>();
		for (String pair : text().split("&")) {
			if (pair.isEmpty()) {
				continue;
			}
			int eq = pair.indexOf('=');
			String name = eq < 0 ? pair : pair.substring(0, eq);
			String value = eq < 0 ? "" : pair.substring(eq + 1);
			fields.put(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
		}
		return fields;
	}
}
