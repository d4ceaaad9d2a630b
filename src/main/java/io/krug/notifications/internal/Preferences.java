package io.krug.notifications.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A member's notification preferences. Defaults: e-mail, push and in-app on, SMS off (opt-in); every category on
 * ({@code marketing} messages also need the marketing consent of identity's consent record); quiet hours
 * 22:00–08:00 in the member's time zone (the program's unless set); no digest; at most 10 messages a day.
 */
public record Preferences(Channels channels, Map<String, Boolean> categories, QuietHours quietHours,
		@Nullable String timeZone, String digest, int dailyCap, Addresses contacts, String locale) {

	/** Categories that cannot be turned off. */
	public static final Set<String> ESSENTIAL = Set.of("security", "payments");

	public static final List<String> CATEGORIES = List.of("account", "loyalty", "events", "marketing", "security",
			"payments");

	/** Which channels the member accepts. */
	public record Channels(boolean email, boolean sms, boolean push, boolean inApp) {

		boolean allows(Channel channel) {
			return switch (channel) {
				case EMAIL -> email;
				case IN_APP -> inApp;
				case SMS -> sms;
				// giving a chat id is the opt-in
				case TELEGRAM -> true;
				case PUSH -> push;
			};
		}
	}

	/** When non-critical messages wait, as HH:mm in the member's time zone; start after end spans midnight. */
	public record QuietHours(String start, String end) {
	}

	/** Where to reach the member. */
	public record Addresses(@Nullable String email, List<String> pushTokens, @Nullable String telegramChatId) {
	}

	public boolean allowsCategory(String category) {
		return ESSENTIAL.contains(category) || categories.getOrDefault(category, true);
	}
}
