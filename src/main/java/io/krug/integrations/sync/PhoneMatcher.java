package io.krug.integrations.sync;

import io.krug.identity.IdentityApi;
import io.krug.integrations.connector.ConnectionSettings;
import io.krug.integrations.connector.ConnectorException;
import io.krug.integrations.connector.ExternalSale;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * The phone to record a sale under, for one sync run or webhook call. A sale with a phone is recorded under it (the
 * pipeline normalizes it and keeps it for a later claim when it is no member's). A sale with only a phone hash
 * (seed 003 "Врачебная тайна") matches the active member whose E.164 phone hashes to it with the integration's
 * {@code phone_hash_key} (HMAC-SHA256, lower-case hex); the members' hashes are computed once per run, on the first
 * such sale. A hash that matches no member has no phone to keep: the sale is skipped.
 */
final class PhoneMatcher {

	static final String KEY = "phone_hash_key";

	private final IdentityApi identity;

	private final ConnectionSettings settings;

	private @Nullable Map<String, String> phonesByHash;

	PhoneMatcher(IdentityApi identity, ConnectionSettings settings) {
		this.identity = identity;
		this.settings = settings;
	}

	@Nullable String phoneOf(ExternalSale sale) {
		if (sale.phone() != null && !sale.phone().isBlank()) {
			return sale.phone();
		}
		if (sale.phoneHash() == null) {
			return null;
		}
		if (phonesByHash == null) {
			String key = settings.secrets().get(KEY);
			if (key == null || key.isBlank()) {
				throw new ConnectorException(ConnectorException.Kind.CONFIG,
						"Sales come with phone hashes but the secret " + KEY + " is missing");
			}
			Map<String, String> map = new HashMap<>();
			identity.activeMemberPhones().forEach(phone -> map.put(hmac(key, phone), phone));
			phonesByHash = map;
		}
		return phonesByHash.get(sale.phoneHash().toLowerCase(Locale.ROOT));
	}

	/** Lower-case hex of HMAC-SHA256 over the E.164 phone. */
	static String hmac(String key, String phone) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal(phone.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is unavailable", ex);
		}
	}
}
