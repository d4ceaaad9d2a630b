package io.krug.integrations.connector;

import java.util.List;

/**
 * A connector's description for admins and for validating an integration's settings.
 *
 * @param system the unique key, lower case, e.g. {@code yclients}
 * @param displayName e.g. {@code YCLIENTS}
 * @param settings names of the plain settings it requires (e.g. {@code base_url}, {@code company_id})
 * @param optionalSettings names of the plain settings it accepts but does not require
 * @param secrets names of the secret settings it requires (stored encrypted, never returned)
 * @param webhooks whether the system can push changes to {@code POST /api/v1/integrations/{id}/webhook}
 */
public record ConnectorSpec(String system, String displayName, List<String> settings, List<String> optionalSettings,
		List<String> secrets, boolean webhooks) {

	public ConnectorSpec {
		settings = List.copyOf(settings);
		optionalSettings = List.copyOf(optionalSettings);
		secrets = List.copyOf(secrets);
	}
}
