package io.krug.notifications.internal;

import io.krug.notifications.NotificationsError;
import io.krug.platform.tenancy.Program;
import io.krug.platform.tenancy.Programs;
import io.krug.platform.tenancy.TenantContext;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bounces reported by the program's mail provider: {@code {"message_id": "…", "type": "hard|soft"}} signed with
 * {@code X-Krug-Signature: sha256=<hex HMAC-SHA256 of the body>} under the program's {@code bounce-webhook}
 * provider secret.
 */
@Service
public class BounceWebhook {

	static final String PROVIDER = "bounce-webhook";

	private final Programs programs;

	private final ProviderSettings settings;

	private final Tracking tracking;

	private final JsonMapper json;

	BounceWebhook(Programs programs, ProviderSettings settings, Tracking tracking, JsonMapper json) {
		this.programs = programs;
		this.settings = settings;
		this.tracking = tracking;
		this.json = json;
	}

	/** Verifies and records a report; returns whether a message moved to bounced. */
	public boolean receive(String programSlug, byte[] body, String signature) {
		Program program = programs.findBySlug(programSlug)
			.orElseThrow(() -> NotificationsError.WEBHOOK_SIGNATURE_INVALID.exception("Unknown program"));
		Optional<ProviderSettings.Provider> secret = TenantContext.call(program.id(),
				() -> settings.find(program.id().value(), PROVIDER));
		if (secret.isEmpty() || !valid(secret.get().secret(), body, signature)) {
			throw NotificationsError.WEBHOOK_SIGNATURE_INVALID.exception("The signature does not match the body.");
		}
		JsonNode report = json.readTree(body);
		UUID messageId = UUID.fromString(report.path("message_id").asString());
		String kind = "soft".equals(report.path("type").asString()) ? "soft" : "hard";
		return tracking.bounced(program.id().value(), messageId, kind);
	}

	static String sign(String secret, byte[] body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is missing from this JVM", ex);
		}
	}

	private static boolean valid(String secret, byte[] body, String signature) {
		return MessageDigest.isEqual(sign(secret, body).getBytes(StandardCharsets.UTF_8),
				signature.getBytes(StandardCharsets.UTF_8));
	}
}
