package io.krug.webhooks.internal;

import io.krug.platform.web.KrugException;
import io.krug.webhooks.WebhookEventType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The event types endpoints may subscribe to: every {@link WebhookEventType} bean of the application. Subscriptions
 * are exact names or wildcards: {@code *} (everything, including types added later) and {@code group.*} (every type
 * whose name starts with {@code group.}, e.g. {@code purchase.*}).
 */
@Component
public class WebhookCatalog {

	public static final String ALL = "*";

	private final Map<String, WebhookEventType<?>> byName = new TreeMap<>();

	private final Map<Class<?>, WebhookEventType<?>> byClass = new HashMap<>();

	WebhookCatalog(List<WebhookEventType<?>> types) {
		for (WebhookEventType<?> type : types) {
			if (byName.put(type.name(), type) != null) {
				throw new IllegalStateException("Two webhook event types are named " + type.name());
			}
			if (byClass.put(type.eventClass(), type) != null) {
				throw new IllegalStateException("Two webhook event types for " + type.eventClass().getName());
			}
		}
	}

	/** Every type with its data schema and an example payload, by name. */
	public List<CatalogEntry> entries() {
		return byName.values()
			.stream()
			.map(t -> new CatalogEntry(t.name(), t.description(), t.aboutMember(), EventData.schema(t),
					Payloads.example(t, CoreWebhookEventTypes.AT)))
			.toList();
	}

	/** Every type, by name. */
	public List<WebhookEventType<?>> all() {
		return List.copyOf(byName.values());
	}

	Optional<WebhookEventType<?>> forEvent(Class<?> eventClass) {
		return Optional.ofNullable(byClass.get(eventClass));
	}

	boolean catalogued(Class<?> eventClass) {
		return byClass.containsKey(eventClass);
	}

	static boolean matches(String pattern, String name) {
		if (pattern.equals(ALL)) {
			return true;
		}
		if (pattern.endsWith(".*")) {
			return name.startsWith(pattern.substring(0, pattern.length() - 1));
		}
		return pattern.equals(name);
	}

	static boolean matchesAny(Collection<String> patterns, String name) {
		for (String pattern : patterns) {
			if (matches(pattern, name)) {
				return true;
			}
		}
		return false;
	}

	/** The catalogued names the patterns select; for members' endpoints only the types about a member. */
	Set<String> expand(Collection<String> patterns, boolean aboutMemberOnly) {
		Set<String> names = new LinkedHashSet<>();
		for (WebhookEventType<?> type : byName.values()) {
			if ((!aboutMemberOnly || type.aboutMember()) && matchesAny(patterns, type.name())) {
				names.add(type.name());
			}
		}
		return names;
	}

	/**
	 * Checks subscriptions against the catalog: each must be {@code *}, a catalogued name, or {@code group.*}
	 * selecting at least one catalogued type. A member's endpoint may only name types about a member.
	 *
	 * @return the patterns without duplicates, in the given order
	 * @throws KrugException 422 {@code unknown_event_type} naming each offending pattern
	 */
	List<String> validate(String field, List<String> patterns, boolean forMember) {
		List<KrugException.FieldError> errors = new ArrayList<>();
		Set<String> distinct = new LinkedHashSet<>();
		for (int i = 0; i < patterns.size(); i++) {
			String pattern = patterns.get(i);
			String problem = problem(pattern, forMember);
			if (problem != null) {
				errors.add(new KrugException.FieldError(field + "[" + i + "]", problem));
			}
			distinct.add(pattern);
		}
		if (!errors.isEmpty()) {
			throw new KrugException(WebhookError.UNKNOWN_EVENT_TYPE,
					"Subscribe to catalogued event types (GET /api/v1/webhooks/event-types), '*' or 'group.*'.",
					errors, Map.of(), null);
		}
		return List.copyOf(distinct);
	}

	private @Nullable String problem(String pattern, boolean forMember) {
		if (pattern.equals(ALL)) {
			return null;
		}
		if (!pattern.endsWith(".*") && byName.containsKey(pattern)) {
			return forMember && !byName.get(pattern).aboutMember()
					? pattern + " is not about a member, so a member's endpoint cannot receive it" : null;
		}
		if (pattern.endsWith(".*") && pattern.length() > 2 && !pattern.substring(0, pattern.length() - 2).contains("*")
				&& !expand(List.of(pattern), forMember).isEmpty()) {
			return null;
		}
		return "unknown event type " + pattern;
	}
}
