package io.krug.notifications.internal;

import io.krug.platform.crypto.ServiceSecrets;
import io.krug.platform.tenancy.TenantContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Opens (a 1×1 pixel) and clicks (redirects) of e-mails. Every tracking URL carries an HMAC of the message id (and
 * the target), keyed by a service secret, so the redirect cannot be abused to send people elsewhere and nobody can
 * forge opens. Statuses only move forward: sent → opened → clicked; bounced is recorded from any of them.
 */
@Service
public class Tracking {

	private static final Pattern LINK = Pattern.compile("href=\"(https?://[^\"]+)\"");

	private final ServiceSecrets secrets;

	private final JdbcClient jdbc;

	private final MessageStore store;

	private final Clock clock;

	private final TransactionTemplate tx;

	private final String baseUrl;

	private volatile byte[] key;

	Tracking(ServiceSecrets secrets, JdbcClient jdbc, MessageStore store, Clock clock, PlatformTransactionManager tm,
			@Value("${krug.notifications.public-base-url:http://localhost:8080}") String baseUrl) {
		this.secrets = secrets;
		this.jdbc = jdbc;
		this.store = store;
		this.clock = clock;
		this.tx = new TransactionTemplate(tm);
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
	}

	/** The HTML with its links sent through signed click redirects and an open pixel appended. */
	String track(UUID messageId, String html) {
		Matcher m = LINK.matcher(html);
		StringBuilder out = new StringBuilder();
		while (m.find()) {
			String target = m.group(1).replace("&amp;", "&");
			m.appendReplacement(out, Matcher.quoteReplacement("href=\"" + clickUrl(messageId, target)
				.replace("&", "&amp;") + "\""));
		}
		m.appendTail(out);
		return out + "<img src=\"" + openUrl(messageId) + "\" width=\"1\" height=\"1\" alt=\"\">";
	}

	String openUrl(UUID messageId) {
		return baseUrl + "/api/v1/notifications/t/" + messageId + "/open.gif?sig=" + sign("open|" + messageId);
	}

	String clickUrl(UUID messageId, String target) {
		return baseUrl + "/api/v1/notifications/t/" + messageId + "/click?url="
				+ URLEncoder.encode(target, StandardCharsets.UTF_8) + "&sig=" + sign("click|" + messageId + "|" + target);
	}

	/** Records an open if the signature is right; returns whether it was. */
	public boolean opened(UUID messageId, String sig) {
		return verify("open|" + messageId, sig) && advance(messageId, MessageStatus.OPENED, List.of("sent", "delivered"));
	}

	/** Records a click if the signature is right; returns whether it was (the caller redirects only then). */
	public boolean clicked(UUID messageId, String target, String sig) {
		if (!verify("click|" + messageId + "|" + target, sig)) {
			return false;
		}
		advance(messageId, MessageStatus.CLICKED, List.of("sent", "delivered", "opened"));
		return true;
	}

	/** Records a bounce the mail provider reported for a message of {@code programId}. */
	public boolean bounced(UUID programId, UUID messageId, String kind) {
		boolean ours = TenantContext.callAsSystem(() -> tx.execute(s -> store.find(programId, messageId)).isPresent());
		return ours && advance(messageId, MessageStatus.BOUNCED, List.of("sent", "delivered", "opened", "clicked"),
				kind + "_bounce");
	}

	private boolean advance(UUID messageId, MessageStatus to, List<String> from) {
		return advance(messageId, to, from, null);
	}

	private boolean advance(UUID messageId, MessageStatus to, List<String> from, @Nullable String reason) {
		Instant now = clock.instant();
		Boolean moved = TenantContext.callAsSystem(() -> tx.execute(s -> jdbc.sql("""
				UPDATE notifications.messages SET status = :to WHERE id = :id AND status IN (:from)
				RETURNING program_id""")
			.param("to", to.key()).param("id", messageId).param("from", from)
			.query(UUID.class)
			.optional()
			.map(program -> {
				store.history(program, messageId, to.key(), reason, now);
				return true;
			})
			.orElse(false)));
		return Boolean.TRUE.equals(moved);
	}

	private String sign(String value) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key(), "HmacSHA256"));
			return Base64.getUrlEncoder().withoutPadding()
				.encodeToString(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is missing from this JVM", ex);
		}
	}

	private boolean verify(String value, String sig) {
		return MessageDigest.isEqual(sign(value).getBytes(StandardCharsets.UTF_8), sig.getBytes(StandardCharsets.UTF_8));
	}

	private byte[] key() {
		byte[] k = key;
		if (k == null) {
			k = TenantContext.callAsSystem(() -> secrets.key("notifications-tracking"));
			key = k;
		}
		return k;
	}
}
