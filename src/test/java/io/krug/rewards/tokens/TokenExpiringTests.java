package io.krug.rewards.tokens;

import static io.krug.rewards.RewardsTestSupport.deposit;
import static org.assertj.core.api.Assertions.assertThat;

import io.krug.platform.tenancy.Program;
import io.krug.rewards.AccessTokenExpiring;
import io.krug.rewards.RewardsEventLog;
import io.krug.platform.tenancy.TenantContext;
import io.krug.test.ApiTest;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class TokenExpiringTests extends ApiTest {

	@Autowired
	RewardsEventLog events;

	@Autowired
	TokenExpiry expiry;

	@Test
	void announcesEachTokenOnceADayBeforeItExpires() {
		Program program = fixtures.program();
		String admin = fixtures.adminToken(program);
		JsonNode member = fixtures.member(program);
		UUID memberId = UUID.fromString(member.path("user_id").asString());
		deposit(http, admin, memberId.toString(), "200.00");
		var bought = http.post("/api/v1/tokens/purchase")
			.bearer(member.path("access_token").asString())
			.idempotencyKey(UUID.randomUUID().toString())
			.json(Map.of("duration_hours", 168))
			.send();
		assertThat(bought.status()).as(bought.toString()).isEqualTo(201);

		assertThat(runJob(program)).as("6 days left").isZero();
		clock.tick(Duration.ofHours(144));
		assertThat(runJob(program)).as("exactly 24 h left").isEqualTo(1);
		assertThat(runJob(program)).as("already announced").isZero();
		assertThat(events.of(AccessTokenExpiring.class)).filteredOn(e -> e.memberId().equals(memberId)).hasSize(1);
	}

	private int runJob(Program program) {
		return TenantContext.call(program.id(), expiry::notifyDue);
	}
}
