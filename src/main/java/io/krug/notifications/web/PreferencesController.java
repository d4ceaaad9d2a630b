package io.krug.notifications.web;

import io.krug.identity.KrugPrincipal;
import io.krug.notifications.internal.PreferenceService;
import io.krug.notifications.internal.Preferences;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
@Tag(name = "Notification preferences", description = """
		Channels (SMS is opt-in, off by default), categories (account, loyalty, events, marketing, security, \
		payments; security and payments are essential and cannot be turned off; marketing messages also need the \
		member's marketing consent, given in the profile and kept on the consent record), quiet hours (default \
		22:00-08:00) in time_zone (the program's when null), digest (off or daily), daily_cap (default 10), the \
		addresses messages go to (push goes to the last device in push_tokens; a token given again moves to the end), \
		and the locale. PUT changes the fields given and keeps the others; every change is recorded in the history.""")
class PreferencesController {

	private final PreferenceService preferences;

	PreferencesController(PreferenceService preferences) {
		this.preferences = preferences;
	}

	record ChannelsPatch(@Nullable Boolean email, @Nullable Boolean sms, @Nullable Boolean push,
			@Nullable Boolean inApp) {
	}

	record QuietHoursPatch(@Nullable @Schema(example = "22:00") String start,
			@Nullable @Schema(example = "08:00") String end) {
	}

	record ContactsPatch(@Nullable @Size(max = 320) @Schema(example = "anna@example.com") String email,
			@Nullable @Size(max = 10) List<@Size(max = 4096) String> pushTokens,
			@Nullable @Size(max = 64) String telegramChatId) {
	}

	record PreferencesPatch(@Nullable ChannelsPatch channels, @Nullable Map<String, Boolean> categories,
			@Nullable QuietHoursPatch quietHours, @Nullable @Schema(example = "Europe/Moscow") String timeZone,
			@Nullable @Schema(example = "daily") String digest, @Nullable @Schema(example = "10") Integer dailyCap,
			@Nullable @Valid ContactsPatch contacts, @Nullable @Schema(example = "ru") String locale) {
	}

	@GetMapping("/api/v1/users/me/notification-preferences")
	@PreAuthorize("hasAuthority('view_own_profile')")
	@Operation(summary = "The caller's notification preferences")
	@ApiResponse(responseCode = "200", description = "The preferences (defaults until changed)")
	Preferences get() {
		KrugPrincipal me = KrugPrincipal.require();
		return preferences.get(me.programId().value(), me.id());
	}

	@PutMapping("/api/v1/users/me/notification-preferences")
	@PreAuthorize("hasAuthority('view_own_profile')")
	@Operation(summary = "Change the caller's notification preferences")
	@ApiResponse(responseCode = "200", description = "The preferences after the change")
	@ApiResponse(responseCode = "422", description = "essential_category: security or payments turned off; "
			+ "invalid_preferences: unknown category, time zone, time, digest, cap or address")
	Preferences put(@Valid @RequestBody PreferencesPatch patch) {
		KrugPrincipal me = KrugPrincipal.require();
		Preferences current = preferences.get(me.programId().value(), me.id());
		return preferences.update(me.programId().value(), me.id(), merge(current, patch), me.actor());
	}

	@GetMapping("/api/v1/users/me/notification-preferences/history")
	@PreAuthorize("hasAuthority('view_own_profile')")
	@Operation(summary = "Changes of the caller's preferences", description = "Newest first: who (member:…, "
			+ "unsubscribe_link…), when, the old and the new preferences.")
	@ApiResponse(responseCode = "200", description = "The changes")
	PreferenceService.History history(@RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit,
			@RequestParam(defaultValue = "0") @Min(0) int offset) {
		KrugPrincipal me = KrugPrincipal.require();
		return preferences.history(me.programId().value(), me.id(), limit, offset);
	}

	private static Preferences merge(Preferences p, PreferencesPatch patch) {
		Preferences.Channels c = p.channels();
		ChannelsPatch cp = patch.channels();
		Preferences.Channels channels = cp == null ? c : new Preferences.Channels(or(cp.email(), c.email()),
				or(cp.sms(), c.sms()), or(cp.push(), c.push()), or(cp.inApp(), c.inApp()));
		Map<String, Boolean> categories = new HashMap<>(p.categories());
		if (patch.categories() != null) {
			categories.putAll(patch.categories());
		}
		QuietHoursPatch q = patch.quietHours();
		Preferences.QuietHours quiet = q == null ? p.quietHours() : new Preferences.QuietHours(
				or(q.start(), p.quietHours().start()), or(q.end(), p.quietHours().end()));
		ContactsPatch a = patch.contacts();
		Preferences.Addresses addresses = a == null ? p.contacts() : new Preferences.Addresses(
				or(a.email(), p.contacts().email()), or(a.pushTokens(), p.contacts().pushTokens()),
				or(a.telegramChatId(), p.contacts().telegramChatId()));
		return new Preferences(channels, categories, quiet, patch.timeZone() == null ? p.timeZone() : patch.timeZone(),
				or(patch.digest(), p.digest()), or(patch.dailyCap(), p.dailyCap()), addresses,
				or(patch.locale(), p.locale()));
	}

	private static <T> T or(@Nullable T value, T fallback) {
		return value == null ? fallback : value;
	}
}
