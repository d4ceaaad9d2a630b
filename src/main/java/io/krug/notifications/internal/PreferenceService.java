package io.krug.notifications.internal;

import io.krug.notifications.NotificationsError;
import io.krug.platform.web.KrugException;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads and changes a member's preferences; every change is recorded with who made it and the old and new values. */
@Service
public class PreferenceService {

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,255}\\.[^@\\s]{2,}");

	private static final Pattern LOCALE = Pattern.compile("[a-z]{2}(-[A-Z]{2})?");

	private static final Set<String> DIGESTS = Set.of("off", "daily");

	private final PreferenceStore store;

	private final Clock clock;

	PreferenceService(PreferenceStore store, Clock clock) {
		this.store = store;
		this.clock = clock;
	}

	/** A page of recorded changes, newest first. */
	public record History(List<PreferenceStore.Change> changes, long total) {
	}

	@Transactional(readOnly = true)
	public Preferences get(UUID programId, UUID memberId) {
		return store.find(programId, memberId).orElse(PreferenceStore.DEFAULTS);
	}

	@Transactional
	public Preferences update(UUID programId, UUID memberId, Preferences requested, String actor) {
		validate(requested);
		Preferences old = store.lock(programId, memberId).orElse(null);
		Preferences updated = normalized(requested);
		store.save(programId, memberId, updated, clock.instant());
		store.recordChange(programId, memberId, actor, old == null ? PreferenceStore.DEFAULTS : old, updated,
				clock.instant());
		return updated;
	}

	@Transactional(readOnly = true)
	public History history(UUID programId, UUID memberId, int limit, int offset) {
		return new History(store.changes(programId, memberId, limit, offset), store.countChanges(programId, memberId));
	}

	/**
	 * Keeps every known category in the map, essential ones always on, and each push device once: a device given
	 * again counts as registered last, so it is the one push messages go to.
	 */
	private static Preferences normalized(Preferences p) {
		Map<String, Boolean> categories = PreferenceStore.categories(List.of());
		Preferences.CATEGORIES.forEach(c -> categories.put(c, p.categories().getOrDefault(c,
				PreferenceStore.DEFAULTS.categories().get(c))));
		Preferences.Addresses a = p.contacts();
		return new Preferences(p.channels(), categories, p.quietHours(), p.timeZone(), p.digest(), p.dailyCap(),
				new Preferences.Addresses(a.email(), devices(a.pushTokens()), a.telegramChatId()), p.locale());
	}

	/** Non-blank device tokens, each once, in the order of their last registration. */
	static List<String> devices(List<String> tokens) {
		java.util.LinkedHashSet<String> ordered = new java.util.LinkedHashSet<>();
		for (String token : tokens) {
			String t = token.strip();
			if (!t.isEmpty()) {
				ordered.remove(t);
				ordered.add(t);
			}
		}
		return List.copyOf(ordered);
	}

	private static void validate(Preferences p) {
		for (String essential : Preferences.ESSENTIAL) {
			if (Boolean.FALSE.equals(p.categories().get(essential))) {
				throw KrugException.field(NotificationsError.ESSENTIAL_CATEGORY, "categories." + essential,
						"The " + essential + " category is essential and cannot be turned off");
			}
		}
		p.categories().keySet().stream().filter(c -> !Preferences.CATEGORIES.contains(c)).findFirst()
			.ifPresent(c -> invalid("categories." + c, "Unknown category; known: " + Preferences.CATEGORIES));
		time("quiet_hours.start", p.quietHours().start());
		time("quiet_hours.end", p.quietHours().end());
		if (p.timeZone() != null) {
			try {
				ZoneId.of(p.timeZone());
			}
			catch (DateTimeException ex) {
				invalid("time_zone", "Unknown time zone, e.g. Europe/Moscow");
			}
		}
		if (!DIGESTS.contains(p.digest())) {
			invalid("digest", "off or daily");
		}
		if (p.dailyCap() < 1 || p.dailyCap() > 100) {
			invalid("daily_cap", "Between 1 and 100");
		}
		if (!LOCALE.matcher(p.locale()).matches()) {
			invalid("locale", "A language tag such as ru or en");
		}
		if (p.contacts().email() != null && !EMAIL.matcher(p.contacts().email()).matches()) {
			invalid("contacts.email", "Not an e-mail address");
		}
	}

	private static void time(String field, String value) {
		try {
			LocalTime.parse(value);
		}
		catch (DateTimeParseException ex) {
			invalid(field, "A time as HH:mm");
		}
	}

	private static void invalid(String field, String message) {
		throw KrugException.field(NotificationsError.INVALID_PREFERENCES, field, message);
	}
}
