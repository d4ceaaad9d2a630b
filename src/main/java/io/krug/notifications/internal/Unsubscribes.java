package io.krug.notifications.internal;

import io.krug.notifications.NotificationsError;
import io.krug.platform.tenancy.TenantContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One-click unsubscribe (RFC 8058): each e-mail carries links with random tokens, stored only as SHA-256, valid 90
 * days and usable once, for the message's category or for all e-mail. Using one turns the category (or the e-mail
 * channel) off in the member's preferences, recorded in their history as {@code unsubscribe_link}.
 */
@Service
public class Unsubscribes {

	static final Duration VALIDITY = Duration.ofDays(90);

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	private final PreferenceService preferences;

	private final Clock clock;

	private final TransactionTemplate tx;

	Unsubscribes(JdbcClient jdbc, PreferenceService preferences, Clock clock, PlatformTransactionManager tm) {
		this.jdbc = jdbc;
		this.preferences = preferences;
		this.clock = clock;
		this.tx = new TransactionTemplate(tm);
	}

	/** What a used token did. */
	public record Unsubscribed(UUID memberId, @Nullable String category) {
	}

	/** Issues a token for the member; {@code category} null means all e-mail. Returns the raw token. */
	@Transactional
	public String issue(UUID programId, UUID memberId, @Nullable String category) {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		Instant now = clock.instant();
		jdbc.sql("""
				INSERT INTO notifications.unsubscribe_tokens (token_hash, program_id, member_id, category, expires_at,
				  created_at)
				VALUES (:h, :p, :m, :c, :exp, :now)""")
			.param("h", hash(token)).param("p", programId).param("m", memberId).param("c", category)
			.param("exp", Timestamp.from(now.plus(VALIDITY))).param("now", Timestamp.from(now))
			.update();
		return token;
	}

	/**
	 * Uses a token: the program is found from the token itself (the caller is anonymous).
	 *
	 * @throws io.krug.platform.web.KrugException {@code unsubscribe_token_invalid} when unknown, expired or used
	 */
	public Unsubscribed use(String token) {
		Instant now = clock.instant();
		Unsubscribed done = TenantContext.callAsSystem(() -> tx.execute(s -> jdbc.sql("""
				UPDATE notifications.unsubscribe_tokens SET used_at = :now
				WHERE token_hash = :h AND used_at IS NULL AND expires_at > :now
				RETURNING program_id, member_id, category""")
			.param("now", Timestamp.from(now)).param("h", hash(token))
			.query((rs, n) -> {
				UUID program = rs.getObject("program_id", UUID.class);
				UUID member = rs.getObject("member_id", UUID.class);
				String category = rs.getString("category");
				apply(program, member, category);
				return new Unsubscribed(member, category);
			})
			.optional()
			.orElse(null)));
		if (done == null) {
			throw NotificationsError.UNSUBSCRIBE_TOKEN_INVALID.exception("This unsubscribe link is unknown, "
					+ "expired or already used.");
		}
		return done;
	}

	private void apply(UUID programId, UUID memberId, @Nullable String category) {
		Preferences p = preferences.get(programId, memberId);
		java.util.Map<String, Boolean> categories = new java.util.LinkedHashMap<>(p.categories());
		Preferences.Channels channels = p.channels();
		if (category == null || Preferences.ESSENTIAL.contains(category)) {
			channels = new Preferences.Channels(false, channels.sms(), channels.push(), channels.inApp());
		}
		else {
			categories.put(category, false);
		}
		preferences.update(programId, memberId, new Preferences(channels, categories, p.quietHours(), p.timeZone(),
				p.digest(), p.dailyCap(), p.contacts(), p.locale()), "unsubscribe_link");
	}

	static String hash(String token) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is missing from this JVM", ex);
		}
	}
}
