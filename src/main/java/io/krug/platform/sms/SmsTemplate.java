package io.krug.platform.sms;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.io.JsonStringEncoder;

/** Fills {@code {{name}}} placeholders, escaping each value for where it lands. */
final class SmsTemplate {

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*(\\w+)\\s*}}");

	private SmsTemplate() {
	}

	static String render(String template, Map<String, String> values, UnaryOperator<String> escape) {
		Matcher matcher = PLACEHOLDER.matcher(template);
		StringBuilder out = new StringBuilder();
		while (matcher.find()) {
			String value = values.get(matcher.group(1));
			if (value == null) {
				throw new IllegalArgumentException("Unknown placeholder {{" + matcher.group(1) + "}} in the SMS template");
			}
			matcher.appendReplacement(out, Matcher.quoteReplacement(escape.apply(value)));
		}
		matcher.appendTail(out);
		return out.toString();
	}

	/** The escaping a body of this content type needs: JSON string escaping, form URL-encoding, or none. */
	static UnaryOperator<String> escapingFor(String contentType) {
		String type = contentType.toLowerCase(Locale.ROOT);
		if (type.contains("json")) {
			return SmsTemplate::json;
		}
		if (type.contains("x-www-form-urlencoded")) {
			return SmsTemplate::url;
		}
		return UnaryOperator.identity();
	}

	static String json(String value) {
		return new String(JsonStringEncoder.getInstance().quoteAsCharArray(value));
	}

	static String url(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}
}
