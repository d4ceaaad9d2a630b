package io.krug.rewards;

import static io.krug.rewards.RewardsTestSupport.balance;
import static io.krug.rewards.RewardsTestSupport.deposit;
import static org.assertj.core.api.Assertions.assertThat;

import io.krug.platform.crypto.Hashing;
import io.krug.platform.tenancy.Program;
import io.krug.test.ApiTest;
import io.krug.test.Http;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class AccessTokenTests extends ApiTest {

	@Autowired
	MeterRegistry meters;

	@Test
	void singleTokensCostTheProgramsPriceForTheirDurationAndAreStoredHashed() {
		Program program = fixtures.program();
		String admin = fixtures.adminToken(program);
		JsonNode member = fixtures.member(program);
		String token = member.path("access_token").asString();
		deposit(http, admin, member.path("user_id").asString(), "50.00");

		Http.Response bought = buy(token, 24, "gym");
		Http.Response notSold = buy(token, 48, null);

		assertThat(bought.status()).as(bought.toString()).isEqualTo(201);
		assertThat(bought.json().path("price").decimalValue()).isEqualByComparingTo("18.00");
		JsonNode issued = bought.json().path("tokens").get(0);
		String secret = issued.path("token").asString();
		assertThat(balance(http, token)).isEqualByComparingTo("32.00");
		assertThat(Instant.parse(issued.path("expires_at").asString()))
			.isEqualTo(clock.instant().truncatedTo(ChronoUnit.MICROS).plus(Duration.ofHours(24)));
		assertThat(notSold.status()).isEqualTo(422);
		assertThat(notSold.text("code")).isEqualTo("duration_not_sold");
		String stored = inProgram(program, () -> jdbc.sql("SELECT token_hash FROM rewards.access_tokens WHERE id = :id")
			.param("id", UUID.fromString(issued.path("id").asString()))
			.query(String.class)
			.single());
		assertThat(stored).isEqualTo(Hashing.sha256(secret));
		JsonNode listed = http.get("/api/v1/tokens").bearer(token).send().json();
		assertThat(listed.path("items").get(0).path("scope").asString()).isEqualTo("gym");
		assertThat(listed.path("items").get(0).path("status").asString()).isEqualTo("active");
		assertThat(listed.toString()).doesNotContain(secret);
	}

	@Test
	void validatesForApiKeysWithTheScopeAndExplainsRefusals() {
		Program program = fixtures.program();
		String admin = fixtures.adminToken(program);
		String secret = boughtToken(program, admin, "gym");
		String door = apiKey(admin);

		JsonNode valid = validate(door, secret, "gym").json();
		JsonNode wrongScope = validate(door, secret, "pool").json();
		JsonNode unknown = validate(door, "krug_at_nothing", null).json();

		assertThat(valid.path("valid").asBoolean()).isTrue();
		assertThat(valid.path("scope").asString()).isEqualTo("gym");
		assertThat(valid.path("member_id").asString()).isNotBlank();
		assertThat(wrongScope.path("reason").asString()).isEqualTo("scope_mismatch");
		assertThat(unknown.path("valid").asBoolean()).isFalse();
		assertThat(unknown.path("reason").asString()).isEqualTo("unknown");
		assertThat(validate(fixtures.memberToken(program), secret, null).status()).isEqualTo(403);
		Program other = fixtures.program();
		assertThat(validate(apiKey(fixtures.adminToken(other)), secret, null).json().path("reason").asString())
			.as("another program's token is unknown").isEqualTo("unknown");
	}

	@Test
	void aCachedTokenStopsBeingValidTheInstantItExpires() {
		Program program = fixtures.program();
		String admin = fixtures.adminToken(program);
		String secret = boughtToken(program, admin, "full");
		String door = apiKey(admin);
		double hitsBefore = count("cache_hit");

		assertThat(validate(door, secret, null).json().path("valid").asBoolean()).isTrue();
		assertThat(validate(door, secret, null).json().path("valid").asBoolean()).isTrue();
		clock.tick(Duration.ofHours(1));
		JsonNode expired = validate(door, secret, null).json();

		assertThat(count("cache_hit") - hitsBefore).as("answered from the cache").isGreaterThanOrEqualTo(2);
		assertThat(expired.path("valid").asBoolean()).isFalse();
		assertThat(expired.path("reason").asString()).isEqualTo("expired");
	}

	@Test
	void aRevocationOnAnotherReplicaEvictsThroughPostgresNotify() throws Exception {
		Program program = fixtures.program();
		String admin = fixtures.adminToken(program);
		String secret = boughtToken(program, admin, "full");
		String door = apiKey(admin);
		assertThat(validate(door, secret, null).json().path("valid").asBoolean()).isTrue();

		// Another replica revokes: the row changes behind this replica's cache...
		int revoked = inProgram(program, () -> jdbc
			.sql("UPDATE rewards.access_tokens SET revoked_at = now(), revoked_by = 'replica-2' WHERE token_hash = :h")
			.param("h", Hashing.sha256(secret))
			.update());
		assertThat(revoked).isEqualTo(1);
		assertThat(validate(door, secret, null).json().path("valid").asBoolean())
			.as("still answered from this replica's cache").isTrue();
		// ...and its revoking transaction announces it.
		jdbc.sql("SELECT pg_notify('krug_token_revoked', :payload)")
			.param("payload", program.id().value() + ":" + Hashing.sha256(secret))
			.query((rs, n) -> 1)
			.single();

		// the listener thread evicts when PostgreSQL delivers the notification
		Awaitility.await()
			.atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(validate(door, secret, null).json().path("reason").asString())
				.isEqualTo("revoked"));
	}

	@Test
	void membersRevokeTheirOwnTokensAndAdminsAny() {
		Program program = fixtures.program();
		String admin = fixtures.adminToken(program);
		JsonNode member = fixtures.member(program);
		String token = member.path("access_token").asString();
		deposit(http, admin, member.path("user_id").asString(), "10.00");
		JsonNode issued = buy(token, 1, null).json().path("tokens").get(0);
		String id = issued.path("id").asString();
		String door = apiKey(admin);
		assertThat(validate(door, issued.path("token").asString(), null).json().path("valid").asBoolean()).isTrue();

		assertThat(http.post("/api/v1/tokens/" + id + "/revoke").bearer(fixtures.memberToken(program)).send().status())
			.as("another member's").isEqualTo(404);
		Http.Response revoked = http.post("/api/v1/tokens/" + id + "/revoke").bearer(token).send();

		assertThat(revoked.status()).as(revoked.toString()).isEqualTo(200);
		assertThat(revoked.text("status")).isEqualTo("revoked");
		assertThat(validate(door, issued.path("token").asString(), null).json().path("reason").asString())
			.isEqualTo("revoked");
		assertThat(http.post("/api/v1/tokens/" + id + "/revoke").bearer(admin).send().status()).isEqualTo(200);
	}

	@Test
	void countsValidationsByResult() {
		Program program = fixtures.program();
		String admin = fixtures.adminToken(program);
		String door = apiKey(admin);
		double invalid = count("invalid");
		double misses = count("cache_miss");

		validate(door, "krug_at_" + UUID.randomUUID(), null);

		assertThat(count("invalid")).isEqualTo(invalid + 1);
		assertThat(count("cache_miss")).isEqualTo(misses + 1);
	}

	private String boughtToken(Program program, String admin, String scope) {
		JsonNode member = fixtures.member(program);
		deposit(http, admin, member.path("user_id").asString(), "10.00");
		Http.Response bought = buy(member.path("access_token").asString(), 1, scope);
		assertThat(bought.status()).as(bought.toString()).isEqualTo(201);
		return bought.json().path("tokens").get(0).path("token").asString();
	}

	private Http.Response buy(String member, int hours, String scope) {
		return http.post("/api/v1/tokens/purchase")
			.bearer(member)
			.idempotencyKey(UUID.randomUUID().toString())
			.json(scope == null ? Map.of("duration_hours", hours) : Map.of("duration_hours", hours, "scope", scope))
			.send();
	}

	private String apiKey(String admin) {
		Http.Response key = http.post("/api/v1/admin/api-keys")
			.bearer(admin)
			.json(Map.of("name", "door", "scopes", List.of("tokens:validate")))
			.send();
		assertThat(key.status()).as(key.toString()).isEqualTo(201);
		return key.text("secret");
	}

	private Http.Response validate(String caller, String secret, String scope) {
		return http.post("/api/v1/tokens/validate")
			.bearer(caller)
			.json(scope == null ? Map.of("token", secret) : Map.of("token", secret, "scope", scope))
			.send();
	}

	private double count(String result) {
		return meters.counter("token_validations", "result", result).count();
	}
}
