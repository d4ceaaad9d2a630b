package io.krug.notifications.internal;

import java.io.IOException;
import java.io.InputStream;
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
		for (String candidate : new LinkedHashSet<>(List.of(locale, FALLBACK_LOCALE, "ru"))) {
			Optional<Template> found = store.find(programId, type, channel.key(), candidate)
				.map(TemplateStore.Stored::template)
				.or(() -> builtIn(type, channel, candidate));
			if (found.isPresent()) {
				return found;
			}
		}
		// An SMS, Telegram or push message without a template of its own says what the in-app message says.
		return channel == Channel.SMS || channel == Channel.TELEGRAM || channel == Channel.PUSH ? find(programId, type, Channel.IN_APP, locale) : Optional.empty();
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
