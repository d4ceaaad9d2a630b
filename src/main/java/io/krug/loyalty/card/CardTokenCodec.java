package io.krug.loyalty.card;

import io.krug.platform.tenancy.ProgramId;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The card token's wire format, version 1: {@code kc1.<payload>.<tag>}, both parts unpadded base64url.
 * <ul>
 * <li>payload, 40 bytes: program id (16) | member id (16) | expiry as unsigned epoch seconds (4, enough until
 * 2106) | random nonce (4, so two tokens of the same second differ);</li>
 * <li>tag: HMAC-SHA256 of the ASCII text {@code kc1.<payload>}, truncated to its first 16 bytes (128 bits, as RFC
 * 2104 section 5 and NIST SP 800-107 allow); the version prefix is signed too.</li>
 * </ul>
 * 81 characters in all, which keeps the QR code at version 5 (37×37 modules) at error correction M; the full
 * 32-byte tag would make it 102 characters and version 6. Only the canonical text is accepted: a token whose
 * base64 has non-zero padding bits is rejected like any other altered token.
 */
final class CardTokenCodec {

	static final String PREFIX = "kc1.";

	static final int NONCE_BYTES = 4;

	private static final int PAYLOAD_BYTES = 16 + 16 + 4 + NONCE_BYTES;

	private static final int TAG_BYTES = 16;

	private static final int PAYLOAD_CHARS = chars(PAYLOAD_BYTES);

	static final int LENGTH = PREFIX.length() + PAYLOAD_CHARS + 1 + chars(TAG_BYTES);

	private static final long MAX_EXPIRY = 0xFFFF_FFFFL;

	private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

	private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

	private final SecretKeySpec key;

	CardTokenCodec(byte[] key) {
		if (key.length < 32) {
			throw new IllegalArgumentException("The card token key must have at least 32 bytes");
		}
		this.key = new SecretKeySpec(key, "HmacSHA256");
	}

	/** What a token says; {@code expiresAt} has whole seconds. */
	record Claims(ProgramId program, UUID member, Instant expiresAt) {
	}

	String encode(Claims claims, byte[] nonce) {
		long expiry = claims.expiresAt().getEpochSecond();
		if (claims.expiresAt().getNano() != 0 || expiry < 0 || expiry > MAX_EXPIRY || nonce.length != NONCE_BYTES) {
			throw new IllegalArgumentException("Expiry must be whole seconds before 2106 and the nonce "
					+ NONCE_BYTES + " bytes; indicates a bug");
		}
		ByteBuffer payload = ByteBuffer.allocate(PAYLOAD_BYTES)
			.putLong(claims.program().value().getMostSignificantBits())
			.putLong(claims.program().value().getLeastSignificantBits())
			.putLong(claims.member().getMostSignificantBits())
			.putLong(claims.member().getLeastSignificantBits())
			.putInt((int) expiry)
			.put(nonce);
		String signed = PREFIX + ENCODER.encodeToString(payload.array());
		return signed + "." + ENCODER.encodeToString(tag(signed));
	}

	/** The claims of a well-formed token carrying our tag; empty for anything else. Does not check expiry. */
	Optional<Claims> decode(String token) {
		int dot = PREFIX.length() + PAYLOAD_CHARS;
		if (token.length() != LENGTH || !token.startsWith(PREFIX) || token.charAt(dot) != '.') {
			return Optional.empty();
		}
		String signed = token.substring(0, dot);
		Optional<byte[]> payload = canonical(token.substring(PREFIX.length(), dot));
		Optional<byte[]> tag = canonical(token.substring(dot + 1));
		if (payload.isEmpty() || tag.isEmpty() || !MessageDigest.isEqual(tag(signed), tag.get())) {
			return Optional.empty();
		}
		ByteBuffer bytes = ByteBuffer.wrap(payload.get());
		ProgramId program = new ProgramId(new UUID(bytes.getLong(), bytes.getLong()));
		UUID member = new UUID(bytes.getLong(), bytes.getLong());
		Instant expiresAt = Instant.ofEpochSecond(Integer.toUnsignedLong(bytes.getInt()));
		return Optional.of(new Claims(program, member, expiresAt));
	}

	private byte[] tag(String signed) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(key);
			return Arrays.copyOf(mac.doFinal(signed.getBytes(StandardCharsets.US_ASCII)), TAG_BYTES);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 unavailable", ex);
		}
	}

	private static Optional<byte[]> canonical(String text) {
		try {
			byte[] bytes = DECODER.decode(text);
			return ENCODER.encodeToString(bytes).equals(text) ? Optional.of(bytes) : Optional.empty();
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	private static int chars(int bytes) {
		return (bytes * 4 + 2) / 3;
	}
}
