package io.krug.ledger.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.krug.platform.tenancy.Program;
import io.krug.test.ApiTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Manual adjustments and the invariant check through the real API. */
class AdjustmentApiTests extends ApiTest {

	@Test
	void adminsAdjustWithAReasonAndTheLedgerStaysBalanced() {
		Program program = fixtures.program();
		String admin = fixtures.adminToken(program);
		String member = fixtures.member(program).path("user_id").asString();
		var credit = http.post("/api/v1/admin/members/" + member + "/adjustments")
			.bearer(admin)
			.idempotencyKey(UUID.randomUUID().toString())
			.json(Map.of("amount", "150.00", "reason", "Compensation for a lost check"))
			.send();
		assertThat(credit.status()).as(credit.toString()).isEqualTo(201);
		var debit = http.post("/api/v1/admin/members/" + member + "/adjustments")
			.bearer(admin)
			.json(Map.of("amount", "-200.00", "reason", "Too much"))
			.send();
		assertThat(debit.status()).as("never below zero").isEqualTo(422);
		var noReason = http.post("/api/v1/admin/members/" + member + "/adjustments")
			.bearer(admin)
			.json(Map.of("amount", "10.00", "reason", " "))
			.send();
		assertThat(noReason.status()).isEqualTo(422);
		var unknown = http.post("/api/v1/admin/members/" + UUID.randomUUID() + "/adjustments")
			.bearer(admin)
			.json(Map.of("amount", "10.00", "reason", "x"))
			.send();
		assertThat(unknown.status()).isEqualTo(404);
		var check = http.get("/api/v1/admin/ledger/check").bearer(admin).send();
		assertThat(check.status()).isEqualTo(200);
		assertThat(check.json().path("ok").asBoolean()).isTrue();
		String memberToken = fixtures.memberToken(program);
		assertThat(http.get("/api/v1/admin/ledger/check").bearer(memberToken).send().status()).isEqualTo(403);
	}
}
