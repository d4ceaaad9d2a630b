package io.krug.loyalty.card;

import io.krug.identity.IdentityApi;
import io.krug.identity.MemberSummary;
import io.krug.platform.crypto.ServiceSecrets;
import io.krug.platform.tenancy.ProgramId;
import io.krug.platform.tenancy.TenantContext;
import io.krug.platform.web.KrugException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issues and resolves the short-lived signed tokens a member's QR card carries (format in {@link CardTokenCodec}).
 * A token names its program and member and expires {@code krug.card.token-ttl} (60 s) after it was issued, so a
 * screenshot is useless a minute later. The member's app is told to show a fresh token {@code krug.card.clock-skew}
 * (5 s) before that ({@link CardToken#refreshAt()}): a code scanned just before the switch, or resolved by a replica
 * whose clock runs up to that much ahead of the issuer's, still resolves, while the hard expiry stays the TTL.
 *
 * <p>
 * The HMAC key is {@code krug.card.secret} (base64 of at least 32 bytes) or else the service secret
 * {@code card_token_hmac}, generated once and shared by every replica through the database.
 */
@Service
public class CardTokens {

	private final IdentityApi identity;

	private final Supplier<byte[]> keySource;

	private final Clock clock;

	private final Duration ttl;

	private final Duration clockSkew;

	private volatile @Nullable CardTokenCodec codec;

	@Autowired
	CardTokens(IdentityApi identity, ServiceSecrets secrets, PlatformTransactionManager transactions, Clock clock,
			@Value("${krug.card.token-ttl:60s}") Duration ttl, @Value("${krug.card.clock-skew:5s}") Duration clockSkew,
			@Value("${krug.card.secret:}") String secret) {
		this(identity, keySource(secrets, transactions, secret), clock, ttl, clockSkew);
	}

	CardTokens(IdentityApi identity, Supplier<byte[]> keySource, Clock clock, Duration ttl, Duration clockSkew) {
		if (clockSkew.isNegative() || ttl.compareTo(clockSkew.plusSeconds(1)) < 0) {
			throw new IllegalStateException("krug.card.token-ttl must exceed krug.card.clock-skew by at least 1s");
		}
		this.identity = identity;
		this.keySource = keySource;
		this.clock = clock;
		this.ttl = ttl;
		this.clockSkew = clockSkew;
	}

	/**
	 * A new token for a member of the current program, valid from {@code now} for the TTL (whole seconds, never
	 * longer). The caller vouches that the member exists in the program.
	 */
	public String issue(UUID memberId, Instant now) {
		return issueToken(memberId, now).value();
	}

	/** Like {@link #issue}, with the moments the token expires and the app should refresh it. */
	public CardToken issueToken(UUID memberId, Instant now) {
		Instant expiresAt = now.plus(ttl).truncatedTo(ChronoUnit.SECONDS);
		var claims = new CardTokenCodec.Claims(TenantContext.require(), memberId, expiresAt);
		String value = codec().encode(claims, ServiceSecrets.randomBytes(CardTokenCodec.NONCE_BYTES));
		return new CardToken(value, expiresAt, expiresAt.minus(clockSkew));
	}

	/**
	 * The active member of the current program the token names.
	 *
	 * @throws KrugException 422 {@code card_token_expired} for a genuine token of this program past its expiry;
	 * 422 {@code card_token_invalid} for anything else (garbled, forged, another program's, a deactivated member's)
	 */
	@Transactional(readOnly = true)
	public ResolvedCard resolve(String token) {
		ProgramId program = TenantContext.require();
		CardTokenCodec.Claims claims = codec().decode(token)
			.filter(c -> c.program().equals(program))
			.orElseThrow(CardTokens::invalid);
		if (!clock.instant().isBefore(claims.expiresAt())) {
			throw CardError.CARD_TOKEN_EXPIRED.exception("This card code expired at " + claims.expiresAt()
					+ ". Ask the member to refresh the card in the app and scan the new code.");
		}
		MemberSummary member = identity.findMember(claims.member())
			.filter(MemberSummary::active)
			.orElseThrow(CardTokens::invalid);
		return new ResolvedCard(member.id(), member.memberNumber(), DisplayNames.of(member), member.status(),
				claims.expiresAt());
	}

	private static KrugException invalid() {
		return CardError.CARD_TOKEN_INVALID.exception("This is not a valid member card of this program. Ask the "
				+ "member to open the card in the app and scan it again.");
	}

	private CardTokenCodec codec() {
		CardTokenCodec current = codec;
		if (current == null) {
			current = new CardTokenCodec(keySource.get());
			codec = current;
		}
		return current;
	}

	/** Reads the stored key in a transaction of its own: the first use may come inside a read-only one. */
	private static Supplier<byte[]> keySource(ServiceSecrets secrets, PlatformTransactionManager transactions,
			String secret) {
		if (!secret.isBlank()) {
			byte[] configured = Base64.getDecoder().decode(secret.trim());
			return () -> configured;
		}
		var tx = new TransactionTemplate(transactions);
		tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		return () -> Objects.requireNonNull(tx.execute(status -> secrets.key("card_token_hmac")));
	}
}
