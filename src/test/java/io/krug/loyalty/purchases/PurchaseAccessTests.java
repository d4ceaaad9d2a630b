package io.krug.loyalty.purchases;

import static org.assertj.core.api.Assertions.assertThat;

import io.krug.identity.Role;
import io.krug.platform.tenancy.Program;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class PurchaseAccessTests extends PurchaseTest {

	UUID salon;

	UUID market;

	UUID member;

	String manager;

	@BeforeEach
	void setUp() {
		club();
		salon = business("beauty_salon");
		market = business("gastronomy");
		member = member();
		manager = fixtures.staffToken(program, Role.BUSINESS_MANAGER, salon);
	}

	@Test
	void aManagerRecordsForTheirOwnBusinessOnly() {
		var own = post(manager, Map.of("business_id", salon, "member_id", member, "amount", amount("100.00")));
		assertThat(own.status()).as(own.toString()).isEqualTo(201);
		assertThat(own.text("channel")).isEqualTo("manual");

		var other = post(manager, Map.of("business_id", market, "member_id", member, "amount", amount("100.00")));
		assertThat(other.status()).isEqualTo(404);
		assertThat(other.text("code")).isEqualTo("business_not_found");
	}

	@Test
	void membersMayNotRecordPurchases() {
		String memberToken = fixtures.memberToken(program);
		var response = post(memberToken, Map.of("business_id", salon, "member_id", member, "amount", amount("100")));
		assertThat(response.status()).isEqualTo(403);
	}

	@Test
	void anApiKeyWithPurchasesWriteRecordsForAnyBusinessOfItsProgram() {
		var key = http.post("/api/v1/admin/api-keys")
			.bearer(admin)
			.json(Map.of("name", "pos", "scopes", List.of("purchases:write")))
			.send();
		assertThat(key.status()).as(key.toString()).isEqualTo(201);
		String secret = key.text("secret");

		var recorded = post(secret, Map.of("business_id", market, "member_id", member, "amount", amount("100.00")));
		assertThat(recorded.status()).as(recorded.toString()).isEqualTo(201);
		assertThat(recorded.text("channel")).isEqualTo("api");
		assertThat(http.get("/api/v1/purchases/" + recorded.text("purchase_id")).bearer(secret).send().status())
			.isEqualTo(200);
	}

	@Test
	void staffSeeOnlyTheirBusinesssPurchases() {
		String mine = purchase(salon, member, "100.00").path("purchase_id").asString();
		String theirs = purchase(market, member, "200.00").path("purchase_id").asString();

		assertThat(http.get("/api/v1/purchases/" + mine).bearer(manager).send().status()).isEqualTo(200);
		var hidden = http.get("/api/v1/purchases/" + theirs).bearer(manager).send();
		assertThat(hidden.status()).isEqualTo(404);
		assertThat(hidden.text("code")).isEqualTo("purchase_not_found");

		JsonNode listed = http.get("/api/v1/admin/purchases").bearer(manager).send().json();
		assertThat(listed.path("total").asLong()).isEqualTo(1);
		assertThat(listed.path("purchases").get(0).path("purchase_id").asString()).isEqualTo(mine);
		assertThat(http.get("/api/v1/admin/purchases?business_id=" + market).bearer(manager).send().status())
			.isEqualTo(404);

		JsonNode all = http.get("/api/v1/admin/purchases?member_id=" + member + "&limit=1").bearer(admin).send().json();
		assertThat(all.path("total").asLong()).isEqualTo(2);
		assertThat(all.path("purchases").get(0).path("purchase_id").asString()).as("newest first").isEqualTo(theirs);
		String later = clock.instant().plusSeconds(1).toString();
		assertThat(http.get("/api/v1/admin/purchases?from=" + later).bearer(admin).send().json().path("total").asLong())
			.isZero();
		assertThat(http.get("/api/v1/admin/purchases?to=" + later).bearer(admin).send().json().path("total").asLong())
			.isEqualTo(2);
	}

	@Test
	void anotherProgramsAdminCannotSeeThePurchase() {
		String id = purchase(salon, member, "100.00").path("purchase_id").asString();
		Program elsewhere = fixtures.program();
		String stranger = fixtures.adminToken(elsewhere);

		var response = http.get("/api/v1/purchases/" + id).bearer(stranger).send();
		assertThat(response.status()).isEqualTo(404);
		assertThat(refund(stranger, id, "1.00").status()).isEqualTo(404);
		assertThat(post(stranger, Map.of("business_id", salon, "member_id", member, "amount", amount("1"))).status())
			.as("nor record for its business").isEqualTo(404);
	}
}
