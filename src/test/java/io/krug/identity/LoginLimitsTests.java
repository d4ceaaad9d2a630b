package io.krug.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.krug.platform.tenancy.Program;
import io.krug.test.ApiTest;
import io.krug.test.Fixtures;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LoginLimitsTests extends ApiTest {

	Program program;

	@BeforeEach
	void program() {
		program = fixtures.program();
	}

	Http sendCode(String phone) {
		return new Http(http.post("/api/v1/auth/login/send-code").program(program.slug()).json(Map.of("phone", phone)).send());
	}

	record Http(io.krug.test.Http.Response response) {
	}

	@Test
	void allowsOneCodeAMinuteAndFiveAnHourPerPhone() {
		String phone = Fixtures.phone();
		var first = sendCode(phone).response();
		assertThat(first.status()).isEqualTo(200);
		assertThat(first.header("RateLimit-Remaining")).isPresent();
		var second = sendCode(phone).response();
		assertThat(second.status()).isEqualTo(429);
		assertThat(second.text("code")).isEqualTo("rate_limited");
		assertThat(second.header("Retry-After")).isPresent();
		assertThat(second.header("RateLimit-Limit")).isPresent();
		assertThat(second.header("RateLimit-Reset")).isPresent();
		for (int i = 0; i < 4; i++) {
			clock.tick(Duration.ofSeconds(61));
			assertThat(sendCode(phone).response().status()).isEqualTo(200);
		}
		clock.tick(Duration.ofSeconds(61));
		assertThat(sendCode(phone).response().status()).as("the sixth within the hour").isEqualTo(429);
		assertThat(sendCode(Fixtures.phone()).response().status()).as("other phones are not affected").isEqualTo(200);
	}

	@Test
	void answersTheSameForRegisteredAndUnknownPhones() {
		String registered = Fixtures.phone();
		fixtures.member(program, registered);
		clock.tick(Duration.ofMinutes(2));
		var known = sendCode(registered).response();
		var unknown = sendCode(Fixtures.phone()).response();
		assertThat(known.status()).isEqualTo(unknown.status()).isEqualTo(200);
		assertThat(known.body()).isEqualTo(unknown.body());
	}

	@Test
	void stopsBruteForceOfCodesPerPhone() {
		String phone = Fixtures.phone();
		fixtures.member(program, phone);
		int limited = 0;
		for (int i = 0; i < 12; i++) {
			var attempt = http.post("/api/v1/auth/login/verify-code")
				.program(program.slug())
				.json(Map.of("phone", phone, "code", String.format("%06d", i)))
				.send();
			if (attempt.status() == 429) {
				limited++;
			}
		}
		assertThat(limited).as("checks beyond 10 in 15 minutes are refused").isGreaterThanOrEqualTo(2);
	}

	@Test
	void recordsSentCodesInTheAdminMessageLog() {
		String admin = fixtures.adminToken(program);
		String phone = Fixtures.phone();
		fixtures.loginCode(program, phone);
		var messages = http.get("/api/v1/admin/messages?phone=%2B" + phone.substring(1)).bearer(admin).send();
		assertThat(messages.status()).as(messages.toString()).isEqualTo(200);
		assertThat(messages.json().path("total").asLong()).isEqualTo(1);
		assertThat(messages.json().path("messages").get(0).path("purpose").asString()).isEqualTo("login_code");
		String member = fixtures.memberToken(program);
		assertThat(http.get("/api/v1/admin/messages").bearer(member).send().status()).isEqualTo(403);
	}
}
