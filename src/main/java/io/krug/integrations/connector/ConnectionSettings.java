package io.krug.integrations.connector;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One business's settings of an integration, secrets decrypted for the duration of a call.
 *
 * @param settings plain settings by name
 * @param secrets secret settings by name
 */
public record ConnectionSettings(Map<String, String> settings, Map<String, String> secrets) {

	public ConnectionSettings {
		settings = Map.copyOf(settings);
		secrets = Map.copyOf(secrets);
	}

	/** A plain setting the spec requires; a {@code CONFIG} failure when it is missing or blank. */
	public String setting(String name) {
		return required(settings.get(name), name);
	}

	public @Nullable String optionalSetting(String name) {
		String value = settings.get(name);
		return value == null || value.isBlank() ? null : value;
	}

	/** A secret the spec requires; a {@code CONFIG} failure when it is missing or blank. */
	public String secret(String name) {
		return required(secrets.get(name), name);
	}

	private static String required(@Nullable String value, String name) {
		if (value == null || value.isBlank()) {
			throw new ConnectorException(ConnectorException.Kind.CONFIG, "The setting " + name + " is missing");
		}
		return value;
	}

	@Override
	public String toString() {
		return "ConnectionSettings[settings=" + settings + ", secrets=" + secrets.keySet() + "]";
	}
}
