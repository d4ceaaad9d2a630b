package io.krug.notifications.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Finds the template for a message: the program's own or the built-in one, in the requested locale, else English,
 * else Russian. The built-in Russian and
 * English templates ({@code notifications/default-templates.json}) cover every trigger.
 */
@Component
public class Templates {

	static final String FALLBACK_LOCALE = "en";

	private final Map<String, Template> defaults;

	private final TemplateStore store;

	Templates(TemplateStore store) {
		this.store = store;
		this.defaults = load().stream().collect(Collectors.toMap(t -> key(t.type(), t.channel(), t.locale()),
				Function.identity()));
	}

	/** The program's own template, else the built-in one, for the locale, then English, then Russian. */
	public Optional<Template> find(UUID programId, String type, Channel channel, String locale) {
		return find((t, c, l) -> store.find(programId, t, c.key(), l).map(TemplateStore.Stored::template), type,
				channel, locale);
	}

	/**
	 * The program's own templates of the given types at their current versions, read in one query, to be found as
	 * {@link #find} finds them: for a batch of notifications (a template published meanwhile is used by the next).
	 */
	Snapshot snapshot(UUID programId, Collection<String> types) {
		Map<String, Template> own = new HashMap<>();
		store.current(programId, types).forEach(s -> own.put(key(s.type(), s.channel(), s.locale()), s.template()));
		return (type, channel, locale) -> find((t, c, l) -> Optional.ofNullable(own.get(key(t, c.key(), l))), type,
				channel, locale);
	}

	/** Templates as {@link Templates#find} finds them, for one program. */
	@FunctionalInterface
	interface Snapshot {

		Optional<Template> find(String type, Channel channel, String locale);

	}

	private Optional<Template> find(Snapshot own, String type, Channel channel, String locale) {
		for (String candidate : new LinkedHashSet<>(List.of(locale, FALLBACK_LOCALE, "ru"))) {
			Optional<Template> found = own.find(type, channel, candidate).or(() -> builtIn(type, channel, candidate));
			if (found.isPresent()) {
				return found;
			}
		}
		// An SMS, Telegram or push message without a template of its own says what the in-app message says.
		return channel == Channel.SMS || channel == Channel.TELEGRAM || channel == Channel.PUSH
				? find(own, type, Channel.IN_APP, locale) : Optional.empty();
	}

	/** The built-in template, if there is one for exactly this locale. */
	public Optional<Template> builtIn(String type, Channel channel, String locale) {
		return Optional.ofNullable(defaults.get(key(type, channel.key(), locale)));
	}

	private static String key(String type, String channel, String locale) {
		return type + "|" + channel + "|" + locale;
	}

	private static List<Template> load() {
		try (InputStream in = new ClassPathResource("notifications/default-templates.json").getInputStream()) {
			return JsonMapper.builder().build().readValue(in, new TypeReference<List<Template>>() {
			});
		}
		catch (IOException ex) {
			throw new IllegalStateException("The built-in notification templates are missing", ex);
		}
	}
}
