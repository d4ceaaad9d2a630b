package io.krug.loyalty.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.krug.platform.tenancy.ProgramId;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CardTokenCodecTests {

	static final String BASE64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

	final CardTokenCodec codec = new CardTokenCodec(key(1));

	final CardTokenCodec.Claims claims = new CardTokenCodec.Claims(new ProgramId(UUID.randomUUID()),
			UUID.randomUUID(), Instant.parse("2026-11-23T10:15:30Z"));

	final String token = codec.encode(claims, new byte[] { 1, 2, 3, 4 });

	static byte[] key(int seed) {
		byte[] key = new byte[32];
		Arrays.fill(key, (byte) seed);
		return key;
	}

	@Test
	void decodesWhatItEncodedAndTheTokenIs81Characters() {
		assertThat(codec.decode(token)).contains(claims);
		assertThat(token).startsWith("kc1.").hasSize(81).hasSize(CardTokenCodec.LENGTH);
		assertThat(token).matches("kc1\\.[A-Za-z0-9_-]{54}\\.[A-Za-z0-9_-]{22}");
	}

	@Test
	void twoTokensOfTheSameSecondDifferByTheirNonce() {
		assertThat(codec.encode(claims, new byte[] { 1, 2, 3, 5 })).isNotEqualTo(token);
	}

	@Test
	void rejectsEveryOneCharacterChangeAnywhereInTheToken() {
		int tried = 0;
		for (int i = 0; i < token.length(); i++) {
			for (char c : (BASE64URL + ".=+/").toCharArray()) {
				if (c == token.charAt(i)) {
					continue;
				}
				String changed = token.substring(0, i) + c + token.substring(i + 1);
				assertThat(codec.decode(changed)).as("changed at %d to %s: %s", i, c, changed).isEmpty();
				tried++;
			}
		}
		assertThat(tried).isGreaterThan(81 * 60);
	}

	@Test
	void rejectsATokenSignedWithAnotherKey() {
		assertThat(new CardTokenCodec(key(2)).decode(token)).isEmpty();
	}

	@Test
	void rejectsTruncatedExtendedAndUnrelatedText() {
		assertThat(codec.decode(token.substring(0, 80))).isEmpty();
		assertThat(codec.decode(token + "A")).isEmpty();
		assertThat(codec.decode(token + "=")).isEmpty();
		assertThat(codec.decode("kc2" + token.substring(3))).isEmpty();
		assertThat(codec.decode("")).isEmpty();
		assertThat(codec.decode("x".repeat(81))).isEmpty();
		assertThat(codec.decode(token.replace('.', '_'))).isEmpty();
	}

	@Test
	void refusesExpiriesItCannotRepresent() {
		var fractional = new CardTokenCodec.Claims(claims.program(), claims.member(), claims.expiresAt().plusMillis(1));
		assertThatThrownBy(() -> codec.encode(fractional, new byte[4])).isInstanceOf(IllegalArgumentException.class);
		var tooLate = new CardTokenCodec.Claims(claims.program(), claims.member(), Instant.parse("2106-02-08T00:00:00Z"));
		assertThatThrownBy(() -> codec.encode(tooLate, new byte[4])).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void refusesShortKeys() {
		assertThatThrownBy(() -> new CardTokenCodec(new byte[31])).isInstanceOf(IllegalArgumentException.class);
	}
}
