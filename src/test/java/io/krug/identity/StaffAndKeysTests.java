package io.krug.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.krug.identity.internal.Totp;
import io.krug.platform.tenancy.Program;
import io.krug.test.ApiTest;
import io.krug.test.Fixtures;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.commons.codec.binary.Base32;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StaffAndKeysTests extends ApiTest {

	Program program;

	String admin;

	@BeforeEach
	void admin() {
		program = fixtures.program();
		admin = fixtures.adminToken(program);
	}

	@Test
	void theBootstrapAdminLogsInToTheDefaultProgram() {
		var login = http.post("/api/v1/staff/login")
			.json(Map.of("email", "admin@krug.test", "password", "test-admin-password-1"))
			.send();
		assertThat(login.status()).as(login.toString()).isEqualTo(200);
		assertThat(login.text("role")).isEqualTo("platform_admin");
	}

	@Test
	void rejectsAWrongPasswordWithoutSayingWhichPartWasWrong() {
		String email = fixtures.staff(program, Role.PLATFORM_ADMIN, null);
		var wrong = http.post("/api/v1/staff/login")
			.program(program.slug())
			.json(Map.of("email", email, "password", "nope-nope-nope"))
			.send();
		var unknown = http.post("/api/v1/staff/login")
			.program(program.slug())
			.json(Map.of("email", "nobody@krug.test", "password", "nope-nope-nope"))
			.send();
		assertThat(wrong.status()).isEqualTo(401);
		assertThat(unknown.status()).isEqualTo(401);
		assertThat(wrong.text("code")).isEqualTo(unknown.text("code")).isEqualTo("invalid_credentials");
	}

	@Test
	void adminsCreateStaffAndBusinessStaffCannot() {
		var created = http.post("/api/v1/admin/staff")
			.bearer(admin)
			.json(Map.of("email", "owner@mindal.test", "name", "Мария", "role", "business_owner", "business_id",
					UUID.randomUUID().toString()))
			.send();
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		assertThat(created.text("generated_password")).hasSizeGreaterThan(12);
		var owner = http.post("/api/v1/staff/login")
			.program(program.slug())
			.json(Map.of("email", "owner@mindal.test", "password", created.text("generated_password")))
			.send();
		assertThat(owner.status()).isEqualTo(200);
		var denied = http.post("/api/v1/admin/staff")
			.bearer(owner.text("access_token"))
			.json(Map.of("email", "x@mindal.test", "name", "X", "role", "platform_admin"))
			.send();
		assertThat(denied.status()).isEqualTo(403);
		assertThat(denied.text("code")).isEqualTo("forbidden");
		var duplicate = http.post("/api/v1/admin/staff")
			.bearer(admin)
			.json(Map.of("email", "OWNER@mindal.test", "name", "Again", "role", "platform_admin"))
			.send();
		assertThat(duplicate.status()).isEqualTo(409);
		var noBusiness = http.post("/api/v1/admin/staff")
			.bearer(admin)
			.json(Map.of("email", "m@mindal.test", "name", "M", "role", "business_manager"))
			.send();
		assertThat(noBusiness.status()).isEqualTo(422);
		var unknownRole = http.post("/api/v1/admin/staff")
			.bearer(admin)
			.json(Map.of("email", "m@mindal.test", "name", "M", "role", "janitor"))
			.send();
		assertThat(unknownRole.status()).isEqualTo(400);
	}

	@Test
	void membersCannotUseAdminEndpoints() {
		String member = fixtures.memberToken(program);
		assertThat(http.get("/api/v1/admin/members").bearer(member).send().status()).isEqualTo(403);
		assertThat(http.get("/api/v1/admin/staff").bearer(member).send().status()).isEqualTo(403);
	}

	@Test
	void enrolsTotpAndThenRequiresItAtLogin() {
		String email = fixtures.staff(program, Role.PLATFORM_ADMIN, null);
		String token = fixtures.staffLogin(program, email).text("access_token");
		var enrolment = http.post("/api/v1/staff/me/totp").bearer(token).send();
		assertThat(enrolment.status()).isEqualTo(200);
		String secret = enrolment.text("secret");
		assertThat(enrolment.text("otpauth_uri")).startsWith("otpauth://totp/");
		var confirm = http.post("/api/v1/staff/me/totp/confirm").bearer(token).json(Map.of("code", code(secret))).send();
		assertThat(confirm.status()).as(confirm.toString()).isEqualTo(200);
		assertThat(confirm.json().path("totp_enabled").asBoolean()).isTrue();

		assertThat(fixtures.staffLogin(program, email).text("code")).isEqualTo("totp_required");
		clock.tick(Duration.ofSeconds(30));
		String now = code(secret);
		var login = http.post("/api/v1/staff/login")
			.program(program.slug())
			.json(Map.of("email", email, "password", Fixtures.STAFF_PASSWORD, "totp_code", now))
			.send();
		assertThat(login.status()).as(login.toString()).isEqualTo(200);
		var replay = http.post("/api/v1/staff/login")
			.program(program.slug())
			.json(Map.of("email", email, "password", Fixtures.STAFF_PASSWORD, "totp_code", now))
			.send();
		assertThat(replay.status()).as("a TOTP code works once").isEqualTo(401);
	}

	@Test
	void aProgramCanRequireTotpSoUnenrolledStaffCanOnlyEnrol() {
		var settings = http.put("/api/v1/admin/program/security")
			.bearer(admin)
			.json(Map.of("staff_totp_required", true))
			.send();
		assertThat(settings.status()).isEqualTo(200);
		String email = fixtures.staff(program, Role.PLATFORM_ADMIN, null);
		var login = fixtures.staffLogin(program, email);
		assertThat(login.json().path("totp_enrollment_required").asBoolean()).isTrue();
		String limited = login.text("access_token");
		assertThat(http.get("/api/v1/admin/staff").bearer(limited).send().status()).isEqualTo(403);
		assertThat(http.post("/api/v1/staff/me/totp").bearer(limited).send().status()).isEqualTo(200);
	}

	@Test
	void apiKeysAreShownOnceScopedAndRevocable() {
		var created = http.post("/api/v1/admin/api-keys")
			.bearer(admin)
			.json(Map.of("name", "POS", "scopes", List.of("purchases:write")))
			.send();
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		String secret = created.text("secret");
		assertThat(secret).startsWith("krug_sk_");
		var listed = http.get("/api/v1/admin/api-keys").bearer(admin).send();
		assertThat(listed.body()).doesNotContain(secret);
		String hash = inProgram(program, () -> jdbc.sql("SELECT secret_hash FROM identity.api_keys WHERE id = :id")
			.param("id", UUID.fromString(created.text("id")))
			.query(String.class)
			.single());
		assertThat(hash).doesNotContain(secret.substring(8));

		assertThat(http.get("/api/v1/admin/members").bearer(secret).send().status()).as("scope lacks members")
			.isEqualTo(403);
		assertThat(http.delete("/api/v1/admin/api-keys/" + created.text("id")).bearer(admin).send().status())
			.isEqualTo(204);
		assertThat(http.get("/api/v1/admin/members").bearer(secret).send().status()).isEqualTo(401);
		var unknownScope = http.post("/api/v1/admin/api-keys")
			.bearer(admin)
			.json(Map.of("name", "POS", "scopes", List.of("everything")))
			.send();
		assertThat(unknownScope.status()).isEqualTo(422);
		assertThat(unknownScope.text("code")).isEqualTo("unknown_scope");
	}

	@Test
	void aKeyRevokedOnAnotherReplicaIsRefusedAsSoonAsTheNoticeArrives() {
		var created = http.post("/api/v1/admin/api-keys")
			.bearer(admin)
			.json(Map.of("name", "POS", "scopes", List.of("purchases:write")))
			.send();
		String secret = created.text("secret");
		assertThat(http.get("/api/v1/admin/members").bearer(secret).send().status()).as("known, lacks the scope")
			.isEqualTo(403);

		// Another replica revokes: the row changes behind this replica's cache...
		int revoked = inProgram(program, () -> jdbc
			.sql("UPDATE identity.api_keys SET revoked_at = now() WHERE id = :id")
			.param("id", UUID.fromString(created.text("id")))
			.update());
		assertThat(revoked).isEqualTo(1);
		assertThat(http.get("/api/v1/admin/members").bearer(secret).send().status())
			.as("still answered from this replica's cache").isEqualTo(403);
		// ...and its revoking transaction announces it.
		jdbc.sql("SELECT pg_notify('krug_api_key_revoked', :id)")
			.param("id", created.text("id"))
			.query((rs, n) -> 1)
			.single();

		Awaitility.await()
			.atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(http.get("/api/v1/admin/members").bearer(secret).send().status())
				.isEqualTo(401));
	}

	@Test
	void adminsFindAndImportMembers() {
		String phone = Fixtures.phone();
		var imported = http.post("/api/v1/admin/members")
			.bearer(admin)
			.json(Map.of("members", List.of(Map.of("phone", phone, "first_name", "Ольга", "last_name", "Петрова",
					"consent_source", "partner_crm:mindal"))))
			.send();
		assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
		assertThat(imported.json().path("created").asLong()).isEqualTo(1);

		var again = http.post("/api/v1/admin/members")
			.bearer(admin)
			.json(Map.of("members", List.of(Map.of("phone", phone, "consent_source", "partner_crm:mindal"),
					Map.of("phone", "not a phone", "consent_source", "x"))))
			.send();
		assertThat(again.status()).as("one bad row rejects the batch").isEqualTo(422);
		assertThat(again.json().path("errors").toString()).contains("members[1].phone");

		var found = http.get("/api/v1/admin/members?q=Петро").bearer(admin).send();
		assertThat(found.json().path("total").asLong()).isEqualTo(1);
		assertThat(found.json().path("members").get(0).path("source").asString()).isEqualTo("import");
		var byPhone = http.get("/api/v1/admin/members?q=" + phone.substring(5)).bearer(admin).send();
		assertThat(byPhone.json().path("total").asLong()).isEqualTo(1);

		// the imported customer logs in later by phone code and completes registration
		var registered = fixtures.member(program, phone);
		assertThat(registered.path("user_id").asString())
			.isEqualTo(found.json().path("members").get(0).path("id").asString());
	}

	String code(String secret) {
		return codeAt(secret, clock.instant());
	}

	static String codeAt(String secret, java.time.Instant at) {
		byte[] key = new Base32().decode(secret);
		long step = at.getEpochSecond() / 30;
		try {
			var mac = javax.crypto.Mac.getInstance("HmacSHA1");
			mac.init(new javax.crypto.spec.SecretKeySpec(key, "HmacSHA1"));
			byte[] hash = mac.doFinal(java.nio.ByteBuffer.allocate(8).putLong(step).array());
			int offset = hash[hash.length - 1] & 0x0f;
			int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
					| ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
			return String.format("%06d", binary % 1_000_000);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Test
	void totpMatchesTheRfc6238Vectors() {
		// RFC 6238 appendix B, SHA-1, secret "12345678901234567890", 8 digits
		String secret = new Base32().encodeToString("12345678901234567890".getBytes());
		assertThat(Totp.matchingStep(secret, codeAt(secret, java.time.Instant.ofEpochSecond(59)),
				java.time.Instant.ofEpochSecond(59))).isPresent();
		assertThat(codeAt(secret, java.time.Instant.ofEpochSecond(59))).isEqualTo("287082");
		assertThat(codeAt(secret, java.time.Instant.ofEpochSecond(1111111109))).isEqualTo("081804");
		assertThat(codeAt(secret, java.time.Instant.ofEpochSecond(1234567890))).isEqualTo("005924");
	}
}
