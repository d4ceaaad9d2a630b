package io.krug.identity.internal;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.krug.platform.crypto.ServiceSecrets;
import io.krug.platform.tenancy.ProgramId;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Signs and verifies access tokens: HS256 JWTs that live 15 minutes and name the caller, their program and their
 * session. Only HS256 signed with our key is accepted: {@code alg: none}, other algorithms, tampered and expired
 * tokens are rejected.
 */
@Component
public class JwtService {

	static final String ISSUER = "krug";

	private final Clock clock;

	private final Duration ttl;

	private final ServiceSecrets secrets;

	private final String configuredSecret;

	private volatile byte[] key;

	JwtService(Clock clock, ServiceSecrets secrets, @Value("${krug.jwt.secret:}") String configuredSecret,
			@Value("${krug.jwt.access-token-ttl:15m}") Duration ttl) {
		this.clock = clock;
		this.secrets = secrets;
		this.configuredSecret = configuredSecret;
		this.ttl = ttl;
	}

	/** What an access token says. */
	public record AccessClaims(String kind, UUID subject, ProgramId program, UUID session) {
	}

	public String issue(AccessClaims claims) {
		Instant now = clock.instant();
		JWTClaimsSet set = new JWTClaimsSet.Builder().issuer(ISSUER)
			.subject(claims.subject().toString())
			.claim("kind", claims.kind())
			.claim("prog", claims.program().toString())
			.claim("sid", claims.session().toString())
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plus(ttl)))
			.jwtID(UUID.randomUUID().toString())
			.build();
		try {
			SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), set);
			jwt.sign(new MACSigner(key()));
			return jwt.serialize();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Could not sign a token", ex);
		}
	}

	public Duration ttl() {
		return ttl;
	}

	/** The claims of a valid token, or empty for anything else. */
	public Optional<AccessClaims> verify(String token) {
		try {
			SignedJWT jwt = SignedJWT.parse(token);
			if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm()) || jwt.getState() != JWSObject.State.SIGNED
					|| !jwt.verify(new MACVerifier(key()))) {
				return Optional.empty();
			}
			JWTClaimsSet set = jwt.getJWTClaimsSet();
			Date expires = set.getExpirationTime();
			if (!ISSUER.equals(set.getIssuer()) || expires == null || !expires.toInstant().isAfter(clock.instant())) {
				return Optional.empty();
			}
			return Optional.of(new AccessClaims(set.getStringClaim("kind"), UUID.fromString(set.getSubject()),
					ProgramId.of(set.getStringClaim("prog")), UUID.fromString(set.getStringClaim("sid"))));
		}
		catch (ParseException | JOSEException | IllegalArgumentException | NullPointerException ex) {
			return Optional.empty();
		}
	}

	private byte[] key() {
		byte[] current = key;
		if (current == null) {
			current = configuredSecret.isBlank() ? secrets.key("jwt_hs256")
					: Base64.getDecoder().decode(configuredSecret.trim());
			if (current.length < 32) {
				throw new IllegalStateException("krug.jwt.secret must be base64 of at least 32 bytes");
			}
			key = current;
		}
		return current;
	}
}
