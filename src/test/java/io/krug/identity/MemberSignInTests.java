package io.krug.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.krug.platform.tenancy.Program;
import io.krug.test.ApiTest;
import io.krug.test.Fixtures;
import io.krug.test.Http;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MemberSignInTests extends ApiTest {

	Program program;

	@BeforeEach
	void program() {
		program = fixtures.program();
	}

	Http.Call post(String path) {
		return http.post(path).program(program.slug());
	}

	@Test
	void registersWithTheSmsCodeThenReadsRefreshesAndLogsOut() {
		String phone = "8 (999) 123-45-67";
		String code = fixtures.loginCode(program, "+79991234567");
		var registered = post("/api/v1/auth/register").json(Map.of("phone", phone, "code", code, "first_name", "Анна",
				"last_name", "Смирнова", "email", "anna@example.com",
				"consent_personal_data", true, "marketing_consent", true)).send();
		assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
		assertThat(registered.text("status")).isEqualTo("insider");
		String access = registered.text("access_token");

		var me = http.get("/api/v1/users/me").bearer(access).send();
		assertThat(me.status()).isEqualTo(200);
		assertThat(me.text("phone")).isEqualTo("+79991234567");
		assertThat(me.text("first_name")).isEqualTo("Анна");
		assertThat(me.text("status")).isEqualTo("insider");
		assertThat(me.json().path("marketing_consent").asBoolean()).isTrue();

		var refreshed = post("/api/v1/auth/refresh").json(Map.of("refresh_token", registered.text("refresh_token")))
			.send();
		assertThat(refreshed.status()).isEqualTo(200);
		assertThat(refreshed.text("refresh_token")).isNotEqualTo(registered.text("refresh_token"));

		var out = post("/api/v1/auth/logout").json(Map.of("refresh_token", refreshed.text("refresh_token"))).send();
		assertThat(out.status()).isEqualTo(204);
		assertThat(http.get("/api/v1/users/me").bearer(refreshed.text("access_token")).send().status()).isEqualTo(401);
		assertThat(post("/api/v1/auth/refresh").json(Map.of("refresh_token", refreshed.text("refresh_token")))
			.send()
			.status()).isEqualTo(401);
	}

	@Test
	void recordsConsentWithItsVersionAndTime() {
		var member = fixtures.member(program);
		java.util.List<String> consents = inProgram(program, () -> jdbc
			.sql("SELECT kind, granted, text_version, source FROM identity.consents WHERE member_id = :m ORDER BY kind")
			.param("m", java.util.UUID.fromString(member.path("user_id").asString()))
			.query((rs, n) -> rs.getString(1) + ":" + rs.getBoolean(2) + ":" + rs.getString(3) + ":" + rs.getString(4))
			.list());
		assertThat(consents).containsExactly("marketing:false:1.0:registration", "personal_data:true:1.0:registration");
	}

	@Test
	void loginWithCodeOfARegisteredMember() {
		String phone = Fixtures.phone();
		fixtures.member(program, phone);
		clock.tick(Duration.ofMinutes(2));
		String code = fixtures.loginCode(program, phone);
		var login = post("/api/v1/auth/login/verify-code").json(Map.of("phone", phone, "code", code)).send();
		assertThat(login.status()).as(login.toString()).isEqualTo(200);
		assertThat(login.text("access_token")).isNotBlank();
		var again = post("/api/v1/auth/login/verify-code").json(Map.of("phone", phone, "code", code)).send();
		assertThat(again.status()).as("a code works once").isEqualTo(422);
		assertThat(again.text("code")).isEqualTo("invalid_code");
	}

	@Test
	void tellsAnUnregisteredPhoneWithAValidCodeToRegister() {
		String phone = Fixtures.phone();
		String code = fixtures.loginCode(program, phone);
		var login = post("/api/v1/auth/login/verify-code").json(Map.of("phone", phone, "code", code)).send();
		assertThat(login.status()).isEqualTo(404);
		assertThat(login.text("code")).isEqualTo("registration_required");
		var registered = post("/api/v1/auth/register").json(Map.of("phone", phone, "code", code, "first_name", "A",
				"last_name", "B", "consent_personal_data", true)).send();
		assertThat(registered.status()).as("the same code still registers").isEqualTo(201);
	}

	@Test
	void refusesRegistrationWithoutConsent() {
		String phone = Fixtures.phone();
		String code = fixtures.loginCode(program, phone);
		var response = post("/api/v1/auth/register").json(Map.of("phone", phone, "code", code, "first_name", "A",
				"last_name", "B", "consent_personal_data", false)).send();
		assertThat(response.status()).isEqualTo(422);
		assertThat(response.json().path("errors").toString()).contains("consent_personal_data");
	}

	@Test
	void rejectsAnInvalidPhoneWith422() {
		var response = post("/api/v1/auth/login/send-code").json(Map.of("phone", "12345")).send();
		assertThat(response.status()).isEqualTo(422);
		assertThat(response.text("code")).isEqualTo("invalid_phone");
		assertThat(response.contentType()).startsWith("application/problem+json");
	}

	@Test
	void killsTheCodeAfterFiveWrongTries() {
		String phone = Fixtures.phone();
		fixtures.member(program, phone);
		clock.tick(Duration.ofMinutes(2));
		String code = fixtures.loginCode(program, phone);
		String wrong = code.equals("000000") ? "111111" : "000000";
		for (int i = 0; i < 5; i++) {
			var attempt = post("/api/v1/auth/login/verify-code").json(Map.of("phone", phone, "code", wrong)).send();
			assertThat(attempt.status()).isIn(422, 429);
		}
		var right = post("/api/v1/auth/login/verify-code").json(Map.of("phone", phone, "code", code)).send();
		assertThat(right.status()).as("the right code after 5 wrong tries").isIn(422, 429);
	}

	@Test
	void expiresCodesAfterFiveMinutes() {
		String phone = Fixtures.phone();
		fixtures.member(program, phone);
		clock.tick(Duration.ofMinutes(2));
		String code = fixtures.loginCode(program, phone);
		clock.tick(Duration.ofMinutes(5).plusSeconds(1));
		var late = post("/api/v1/auth/login/verify-code").json(Map.of("phone", phone, "code", code)).send();
		assertThat(late.status()).isEqualTo(422);
	}

	@Test
	void reusingARefreshTokenRevokesTheWholeSession() {
		var member = fixtures.member(program);
		String first = member.path("refresh_token").asString();
		var second = post("/api/v1/auth/refresh").json(Map.of("refresh_token", first)).send();
		assertThat(second.status()).isEqualTo(200);
		var reuse = post("/api/v1/auth/refresh").json(Map.of("refresh_token", first)).send();
		assertThat(reuse.status()).isEqualTo(401);
		assertThat(post("/api/v1/auth/refresh").json(Map.of("refresh_token", second.text("refresh_token")))
			.send()
			.status()).as("the thief's rotated token dies with the session").isEqualTo(401);
		assertThat(http.get("/api/v1/users/me").bearer(second.text("access_token")).send().status()).isEqualTo(401);
	}

	@Test
	void updatesTheProfileAndRecordsMarketingConsentChanges() {
		String token = fixtures.memberToken(program);
		var updated = http.patch("/api/v1/users/me")
			.bearer(token)
			.json(Map.of("city", "Казань", "marketing_consent", true))
			.send();
		assertThat(updated.status()).isEqualTo(200);
		assertThat(updated.text("city")).isEqualTo("Казань");
		assertThat(updated.json().path("marketing_consent").asBoolean()).isTrue();
		var invalid = http.patch("/api/v1/users/me").bearer(token).json(Map.of("email", "not-an-email")).send();
		assertThat(invalid.status()).isEqualTo(422);
	}

	@Test
	void deletingTheAccountErasesPersonalDataAndEndsSessions() {
		String phone = Fixtures.phone();
		var member = fixtures.member(program, phone);
		String token = member.path("access_token").asString();
		assertThat(http.delete("/api/v1/users/me").bearer(token).send().status()).isEqualTo(204);
		assertThat(http.get("/api/v1/users/me").bearer(token).send().status()).isEqualTo(401);
		Object[] row = inProgram(program, () -> jdbc
			.sql("SELECT phone, first_name, is_active, member_number FROM identity.members WHERE id = :id")
			.param("id", java.util.UUID.fromString(member.path("user_id").asString()))
			.query((rs, n) -> new Object[] { rs.getString(1), rs.getString(2), rs.getBoolean(3), rs.getLong(4) })
			.single());
		assertThat(row[0]).isNull();
		assertThat(row[1]).isNull();
		assertThat(row[2]).isEqualTo(false);
		assertThat((Long) row[3]).isPositive();
		// the phone is free again: its owner can register anew
		clock.tick(Duration.ofMinutes(2));
		assertThat(fixtures.member(program, phone).path("user_id").asString())
			.isNotEqualTo(member.path("user_id").asString());
	}
}
