package io.krug.identity;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What an API key may do. The authority string is {@code SCOPE_<scope>}, e.g.
 * {@code hasAuthority('SCOPE_purchases:write')}.
 */
public enum ApiScope {

	PURCHASES_READ("purchases:read"), PURCHASES_WRITE("purchases:write"), MEMBERS_READ("members:read"),
	MEMBERS_WRITE("members:write"), CARDS_RESOLVE("cards:resolve"), WEBHOOKS_MANAGE("webhooks:manage"),
	TOKENS_VALIDATE("tokens:validate"), INTEGRATIONS_WRITE("integrations:write");

	private final String value;

	ApiScope(String value) {
		this.value = value;
	}

	public String value() {
		return value;
	}

	public String authority() {
		return "SCOPE_" + value;
	}

	public static Optional<ApiScope> parse(String value) {
		return Arrays.stream(values()).filter(s -> s.value.equals(value.toLowerCase(Locale.ROOT))).findFirst();
	}
}
