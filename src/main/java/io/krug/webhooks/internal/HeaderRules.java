package io.krug.webhooks.internal;

import io.krug.platform.web.KrugException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Custom headers an endpoint adds to every request, e.g. a receiver's own {@code Authorization} token. Names are
 * HTTP tokens; the headers the signature scheme and the transport own cannot be set: {@code webhook-*},
 * {@code Content-Type}, {@code Content-Length}, {@code User-Agent}, {@code Host}, hop-by-hop headers. Values are
 * printable ASCII, without line breaks. At most 20, each value at most 1,000 characters.
 */
final class HeaderRules {

	static final int MAX_HEADERS = 20;

	private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9!#$%&'*+.^_`|~-]{1,100}");

	private static final Pattern VALUE = Pattern.compile("[\\t\\x20-\\x7e]{0,1000}");

	private static final Set<String> RESERVED = Set.of("content-type", "content-length", "content-encoding",
			"user-agent", "host", "connection", "keep-alive", "transfer-encoding", "te", "trailer", "upgrade",
			"expect", "proxy-authorization", "proxy-connection", "http2-settings", "date", "via");

	private HeaderRules() {
	}

	/** The headers as given (names as written), or 422 {@code invalid_header} naming each bad one. */
	static Map<String, String> validate(Map<String, String> headers) {
		List<KrugException.FieldError> errors = new ArrayList<>();
		Set<String> seen = new java.util.HashSet<>();
		if (headers.size() > MAX_HEADERS) {
			errors.add(new KrugException.FieldError("headers", "at most " + MAX_HEADERS + " headers"));
		}
		headers.forEach((name, value) -> {
			String lower = name.toLowerCase(Locale.ROOT);
			String field = "headers." + name;
			if (!TOKEN.matcher(name).matches()) {
				errors.add(new KrugException.FieldError(field, "not a valid header name"));
			}
			else if (lower.startsWith("webhook-") || RESERVED.contains(lower)) {
				errors.add(new KrugException.FieldError(field, "reserved header; Krug sets it"));
			}
			else if (!seen.add(lower)) {
				errors.add(new KrugException.FieldError(field, "given twice"));
			}
			if (value == null || !VALUE.matcher(value).matches()) {
				errors.add(new KrugException.FieldError(field,
						"value must be printable, without line breaks, at most 1000 characters"));
			}
		});
		if (!errors.isEmpty()) {
			throw new KrugException(WebhookError.INVALID_HEADER, "Some custom headers cannot be used.", errors,
					Map.of(), null);
		}
		return new LinkedHashMap<>(headers);
	}
}
