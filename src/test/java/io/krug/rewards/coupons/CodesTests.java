package io.krug.rewards.coupons;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CodesTests {

	@Test
	void codesUseNoLookAlikeCharacters() {
		assertThat(Codes.ALPHABET).doesNotContain("0", "O", "1", "I", "L");
		Set<Character> seen = new HashSet<>();
		for (int i = 0; i < 2_000; i++) {
			String code = Codes.code();
			assertThat(code).hasSize(8);
			code.chars().forEach(c -> seen.add((char) c));
		}
		assertThat(seen).allSatisfy(c -> assertThat(Codes.ALPHABET).contains(String.valueOf(c)));
		assertThat(seen).as("the whole alphabet is used").hasSize(Codes.ALPHABET.length());
	}

	@Test
	void normalizesWhatIsTypedAtTheTill() {
		assertThat(Codes.normalize(" ab7k-m9x a ")).isEqualTo("AB7KM9XA");
	}
}
