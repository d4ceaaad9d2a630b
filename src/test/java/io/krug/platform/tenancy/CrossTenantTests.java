package io.krug.platform.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import io.krug.test.ApiTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Credentials of one program get 404 for every resource of another. */
class CrossTenantTests extends ApiTest {

	@Test
	void anotherProgramsResourcesAreNotFound() {
		Program a = fixtures.program();
		Program b = fixtures.program();
		String adminA = fixtures.adminToken(a);
		String adminB = fixtures.adminToken(b);
		String memberB = fixtures.member(b).path("user_id").asString();
		String staffB = http.post("/api/v1/admin/staff")
			.bearer(adminB)
			.json(Map.of("email", "s@b.test", "name", "S", "role", "platform_admin"))
			.send()
			.text("id");
		String keyB = http.post("/api/v1/admin/api-keys")
			.bearer(adminB)
			.json(Map.of("name", "k", "scopes", List.of("purchases:write")))
			.send()
			.text("id");
		String keyA = http.post("/api/v1/admin/api-keys")
			.bearer(adminA)
			.json(Map.of("name", "k", "scopes", List.of("members:read")))
			.send()
			.text("secret");

		assertThat(http.get("/api/v1/admin/members/" + memberB).bearer(adminA).send().status()).isEqualTo(404);
		assertThat(http.get("/api/v1/admin/staff/" + staffB).bearer(adminA).send().status()).isEqualTo(404);
		assertThat(http.delete("/api/v1/admin/staff/" + staffB).bearer(adminA).send().status()).isEqualTo(404);
		assertThat(http.delete("/api/v1/admin/api-keys/" + keyB).bearer(adminA).send().status()).isEqualTo(404);
		assertThat(http.get("/api/v1/admin/members?q=").bearer(adminA).send().json().path("total").asLong())
			.as("A's admin lists none of B's members")
			.isZero();
		// the key of A still works afterwards, and B's resources are untouched
		assertThat(http.get("/api/v1/admin/members/" + memberB).bearer(adminB).send().status()).isEqualTo(200);
		assertThat(http.get("/api/v1/admin/staff/" + staffB).bearer(adminB).send().status()).isEqualTo(200);
		assertThat(keyA).startsWith("krug_sk_");
	}

	@Test
	void aMemberTokenOfOneProgramIsNotAMemberOfAnother() {
		Program a = fixtures.program();
		Program b = fixtures.program();
		String memberA = fixtures.memberToken(a);
		var me = http.get("/api/v1/users/me").bearer(memberA).send();
		assertThat(me.status()).isEqualTo(200);
		assertThat(http.get("/api/v1/users/me").bearer(memberA).program(b.slug()).send().status()).isEqualTo(403);
	}
}
