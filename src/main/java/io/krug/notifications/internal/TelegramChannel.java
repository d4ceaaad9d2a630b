package io.krug.notifications.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Telegram Bot API {@code sendMessage}: {@code POST {base}/bot{token}/sendMessage} with {@code chat_id} and
 * {@code text}. The program's own bot ({@link ProviderSettings}, provider {@code telegram}) wins over
 * {@code krug.notifications.telegram.bot-token} / {@code .base-url}; with neither the message is suppressed. 429
 * and 5xx replies are retried; other 4xx (bot blocked, chat not found) are permanent.
 */
@Component
class TelegramChannel implements ChannelSender {

	static final String PROVIDER = "telegram";

	private final ProviderSettings settings;

	private final JsonMapper json;

	private final String defaultToken;

	private final String defaultBaseUrl;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	TelegramChannel(ProviderSettings settings, JsonMapper json,
			@Value("${krug.notifications.telegram.bot-token:}") String defaultToken,
			@Value("${krug.notifications.telegram.base-url:https://api.telegram.org}") String defaultBaseUrl) {
		this.settings = settings;
		this.json = json;
		this.defaultToken = defaultToken;
		this.defaultBaseUrl = defaultBaseUrl;
	}

	@Override
	public Channel channel() {
		return Channel.TELEGRAM;
	}

	@Override
	public SendOutcome send(Message message) {
		if (message.recipient() == null) {
			return new SendOutcome.Suppressed("no_telegram_chat");
		}
		Optional<ProviderSettings.Provider> bot = settings.find(message.programId(), PROVIDER)
			.or(() -> defaultToken.isBlank() ? Optional.empty()
					: Optional.of(new ProviderSettings.Provider(defaultBaseUrl, defaultToken)));
		if (bot.isEmpty()) {
			return new SendOutcome.Suppressed("telegram_not_configured");
		}
		String text = message.subject() == null ? message.bodyText() : message.subject() + "\n" + message.bodyText();
		HttpRequest request = HttpRequest
			.newBuilder(URI.create(trim(bot.get().baseUrl()) + "/bot" + bot.get().secret() + "/sendMessage"))
			.timeout(Duration.ofSeconds(20))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers
				.ofString(json.writeValueAsString(Map.of("chat_id", message.recipient(), "text", text))))
			.build();
		try {
			HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
			return outcome(response.statusCode(), response.body());
		}
		catch (IOException ex) {
			return new SendOutcome.Transient("telegram: " + ex.getClass().getSimpleName());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return new SendOutcome.Transient("telegram: interrupted");
		}
	}

	private SendOutcome outcome(int status, String body) {
		if (status == 200) {
			return new SendOutcome.Done(MessageStatus.SENT);
		}
		String description = description(body);
		if (status == 429 || status >= 500) {
			return new SendOutcome.Transient("telegram_" + status + ": " + description);
		}
		return new SendOutcome.Permanent("telegram_" + status + ": " + description);
	}

	private String description(String body) {
		try {
			JsonNode node = json.readTree(body);
			return node.path("description").asString("");
		}
		catch (RuntimeException ex) {
			return "";
		}
	}

	private static String trim(String url) {
		return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
	}
}
