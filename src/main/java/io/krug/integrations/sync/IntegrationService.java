package io.krug.integrations.sync;

import io.krug.identity.KrugPrincipal;
import io.krug.integrations.connector.ConnectionSettings;
import io.krug.integrations.connector.Connector;
import io.krug.integrations.connector.ConnectorSpec;
import io.krug.partners.PartnersApi;
import io.krug.platform.Ids;
import io.krug.platform.crypto.SecretBox;
import io.krug.platform.crypto.ServiceSecrets;
import io.krug.platform.web.KrugException;
import io.krug.platform.web.PlatformError;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Configures integrations: settings checked against the connector's spec, secrets sealed with {@link SecretBox}
 * (only their names ever leave), and a per-integration webhook token. Business owners configure their own
 * business's integrations; platform admins every business's.
 */
@Service
class IntegrationService {

	private final IntegrationStore store;

	private final Connectors connectors;

	private final PartnersApi partners;

	private final SecretBox box;

	private final Clock clock;

	private final Duration initialLookback;

	IntegrationService(IntegrationStore store, Connectors connectors, PartnersApi partners, SecretBox box, Clock clock,
			@Value("${krug.integrations.initial-lookback:1d}") Duration initialLookback) {
		this.store = store;
		this.connectors = connectors;
		this.partners = partners;
		this.box = box;
		this.clock = clock;
		this.initialLookback = initialLookback;
	}

	/** What an admin asks for; {@code secrets} absent from an update keep their stored values. */
	record Config(Map<String, String> settings, Map<String, String> secrets, boolean enabled, int intervalMinutes,
			@Nullable Instant syncFrom) {
	}

	@Transactional
	Integration create(UUID businessId, String system, Config config) {
		requireBusiness(businessId);
		Connector connector = connectors.get(system);
		validate(connector.spec(), config.settings(), config.secrets());
		Instant now = now();
		Instant syncFrom = config.syncFrom() != null ? config.syncFrom() : now.minus(initialLookback);
		Integration integration = new Integration(Ids.newId(), businessId, system, Map.copyOf(config.settings()),
				seal(config.secrets()), box.encrypt(ServiceSecrets.randomToken(24)), config.enabled(),
				config.intervalMinutes() * 60,
				Integration.ACTIVE, syncFrom, now, 0, null, null, null, null, now, now);
		if (!store.insert(integration)) {
			throw IntegrationError.INTEGRATION_EXISTS
				.exception("Business " + businessId + " already has a " + system + " integration.");
		}
		return integration;
	}

	@Transactional
	Integration update(UUID id, Config config) {
		Integration current = get(id);
		Map<String, String> secrets = new LinkedHashMap<>();
		current.sealedSecrets().forEach((name, sealed) -> secrets.put(name, box.decrypt(sealed)));
		secrets.putAll(config.secrets());
		validate(connectors.get(current.system()).spec(), config.settings(), secrets);
		Instant now = now();
		Integration updated = new Integration(id, current.businessId(), current.system(), Map.copyOf(config.settings()),
				seal(secrets), current.webhookToken(), config.enabled(), config.intervalMinutes() * 60,
				current.status(), current.syncFrom(), now, current.consecutiveFailures(), current.lastSuccessAt(),
				current.lastError(), current.lastErrorAt(), current.lastRun(), current.createdAt(), now);
		store.updateConfig(updated);
		return updated;
	}

	@Transactional
	void delete(UUID id) {
		get(id);
		store.delete(id);
	}

	/** The integration, if the caller may see it. */
	@Transactional(readOnly = true)
	Integration get(UUID id) {
		return store.find(id)
			.filter(i -> mayConfigure(KrugPrincipal.require(), i.businessId()))
			.orElseThrow(() -> IntegrationError.INTEGRATION_NOT_FOUND.exception("No integration " + id + "."));
	}

	/** The caller's integrations: a business owner's business's, or the program's (one business's if given). */
	@Transactional(readOnly = true)
	IntegrationStore.Page list(@Nullable UUID businessId, int limit, int offset) {
		KrugPrincipal caller = KrugPrincipal.require();
		UUID scope = ownBusiness(caller);
		if (scope != null && businessId != null && !scope.equals(businessId)) {
			throw IntegrationError.BUSINESS_NOT_FOUND.exception("No business " + businessId + ".");
		}
		return store.list(scope != null ? scope : businessId, limit, offset);
	}

	/** Tries the connection with one cheap call. */
	@Transactional(readOnly = true)
	void test(UUID id) {
		Integration integration = get(id);
		connectors.get(integration.system()).check(settings(integration));
	}

	/** The integration's settings with its secrets opened, for one connector call. */
	ConnectionSettings settings(Integration integration) {
		Map<String, String> secrets = new LinkedHashMap<>();
		integration.sealedSecrets().forEach((name, sealed) -> secrets.put(name, box.decrypt(sealed)));
		return new ConnectionSettings(integration.settings(), secrets);
	}

	String webhookToken(Integration integration) {
		return box.decrypt(integration.webhookToken());
	}

	/** @throws KrugException 404 {@code business_not_found} for another business of a business owner's */
	void requireBusiness(UUID businessId) {
		if (!mayConfigure(KrugPrincipal.require(), businessId) || partners.findBusiness(businessId).isEmpty()) {
			throw IntegrationError.BUSINESS_NOT_FOUND.exception("No business " + businessId + ".");
		}
	}

	static boolean mayConfigure(KrugPrincipal caller, UUID businessId) {
		UUID scope = ownBusiness(caller);
		return scope == null || scope.equals(businessId);
	}

	/** The one business a business's staff act for; {@code null} for platform admins and API keys. */
	static @Nullable UUID ownBusiness(KrugPrincipal caller) {
		if (caller.isStaff() && !caller.isPlatformAdmin()) {
			return caller.businessId() == null ? new UUID(0, 0) : caller.businessId();
		}
		return null;
	}

	private static void validate(ConnectorSpec spec, Map<String, String> settings, Map<String, String> secrets) {
		List<KrugException.FieldError> errors = new ArrayList<>();
		for (String name : spec.settings()) {
			if (blank(settings.get(name))) {
				errors.add(new KrugException.FieldError("settings." + name, "is required by " + spec.system()));
			}
		}
		Set<String> known = new HashSet<>(spec.settings());
		known.addAll(spec.optionalSettings());
		settings.keySet().stream().filter(name -> !known.contains(name))
			.forEach(name -> errors.add(new KrugException.FieldError("settings." + name,
					"is not a setting of " + spec.system() + " (known: " + String.join(", ", known) + ")")));
		for (String name : spec.secrets()) {
			if (blank(secrets.get(name))) {
				errors.add(new KrugException.FieldError("secrets." + name, "is required by " + spec.system()));
			}
		}
		if (!errors.isEmpty()) {
			throw new KrugException(PlatformError.VALIDATION_FAILED, "The settings do not fit " + spec.system() + ".",
					errors, Map.of(), null);
		}
	}

	private Map<String, String> seal(Map<String, String> secrets) {
		Map<String, String> sealed = new LinkedHashMap<>();
		secrets.forEach((name, value) -> {
			if (!blank(value)) {
				sealed.put(name, box.encrypt(value));
			}
		});
		return sealed;
	}

	private static boolean blank(@Nullable String value) {
		return value == null || value.isBlank();
	}

	private Instant now() {
		return clock.instant().truncatedTo(ChronoUnit.MICROS);
	}
}
