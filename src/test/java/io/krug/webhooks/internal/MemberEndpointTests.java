package io.krug.webhooks.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.krug.identity.MemberErased;
import io.krug.partners.BusinessJoined;
import io.krug.platform.tenancy.Program;
import io.krug.test.Http;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class MemberEndpointTests extends WebhookTest {

	@Test
	void membersOwnEndpointsOnlyWhereTheProgramAllowsIt() {
		Program program = fixtures.program();
		String admin = fixtures.adminToken(program);
		String member = fixtures.memberToken(program);

		Http.Response refused = http.post("/api/v1/webhooks").bearer(member).json(body(receiver.url(), "*")).send();
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.text("code")).isEqualTo("member_endpoints_not_allowed");
		assertThat(http.get("/api/v1/admin/webhooks/settings").bearer(admin).send().json()
			.path("member_endpoints_allowed").asBoolean()).isFalse();
		assertThat(http.put("/api/v1/admin/webhooks/settings").bearer(member)
			.json(Map.of("member_endpoints_allowed", true)).send().status()).isEqualTo(403);

		allowMembers(admin, true);
		String adminsEndpoint = createEndpoint(program, admin, receiver.url(), "*").path("id").asString();
		JsonNode own = createEndpoint(program, member, receiver.url(), "*");
		assertThat(own.path("owner_member_id").isNull() || own.path("owner_member_id").isMissingNode()).isFalse();

		Http.Response notAboutMember = http.post("/api/v1/webhooks")
			.bearer(member)
			.json(body(receiver.url(), "business.joined"))
			.send();
		assertThat(notAboutMember.status()).isEqualTo(422);
		assertThat(notAboutMember.text("code")).isEqualTo("unknown_event_type");
		assertThat(http.post("/api/v1/webhooks").bearer(member).json(body(receiver.url(), "business.*")).send()
			.status()).isEqualTo(422);
		assertThat(http.get("/api/v1/webhooks").bearer(member).send().json().path("total").asLong()).isEqualTo(1);
		assertThat(http.get("/api/v1/webhooks").bearer(admin).send().json().path("total").asLong()).isEqualTo(2);
		assertThat(http.get("/api/v1/webhooks/" + adminsEndpoint).bearer(member).send().status()).isEqualTo(404);
		assertThat(http.get("/api/v1/webhooks/" + own.path("id").asString()).bearer(admin).send().status())
			.isEqualTo(200);
	}

	@Test
	void aMembersEndpointReceivesOnlyEventsAboutThem() {
		Program program = fixtures.program();
		String admin = fixtures.adminToken(program);
		allowMembers(admin, true);
		JsonNode registration = fixtures.member(program);
		UUID memberId = UUID.fromString(registration.path("user_id").asString());
		createEndpoint(program, registration.path("access_token").asString(), receiver.url(), "*");

		publish(program, badge(program, memberId, "collector"));
		publish(program, badge(program, UUID.randomUUID(), "collector"));
		publish(program, new BusinessJoined(program.id(), UUID.randomUUID(), "Салон", "beauty_salon",
				LocalDate.of(2025, 11, 10)));
		worker.deliverDue();

		// loyalty may also award the member's first_registration badge (asynchronously): also about them
		assertThat(receiver.requests()).extracting(r -> payload(r).path("data").path("member_id").asString())
			.containsOnly(memberId.toString());
		assertThat(receiver.requests()).extracting(r -> payload(r).path("data").path("badge").asString())
			.contains("collector");

		allowMembers(admin, false);
		int before = receiver.requests().size();
		publish(program, badge(program, memberId, "explorer"));
		worker.deliverDue();
		assertThat(receiver.requests()).as("members' endpoints get nothing once disallowed").hasSize(before);
	}

	@Test
	void aMemberOwnsAtMostFiveEndpoints() {
		Program program = fixtures.program();
		allowMembers(fixtures.adminToken(program), true);
		String member = fixtures.memberToken(program);
		for (int i = 0; i < 5; i++) {
			createEndpoint(program, member, receiver.url(), "badge.awarded");
		}
		Http.Response sixth = http.post("/api/v1/webhooks").bearer(member).json(body(receiver.url(), "*")).send();
		assertThat(sixth.status()).isEqualTo(422);
		assertThat(sixth.text("code")).isEqualTo("endpoint_limit_reached");
	}

	@Test
	void erasingAMemberDeletesTheirEndpoints() {
		Program program = fixtures.program();
		String admin = fixtures.adminToken(program);
		allowMembers(admin, true);
		JsonNode registration = fixtures.member(program);
		UUID memberId = UUID.fromString(registration.path("user_id").asString());
		String own = createEndpoint(program, registration.path("access_token").asString(), receiver.url(), "*")
			.path("id").asString();
		String programs = createEndpoint(program, admin, receiver.url(), "member.erased").path("id").asString();

		publish(program, new MemberErased(program.id(), memberId, clock.instant()));

		assertThat(http.get("/api/v1/webhooks/" + own).bearer(admin).send().status()).isEqualTo(404);
		assertThat(messageIds(program, programs)).hasSize(1);
	}

	private void allowMembers(String admin, boolean allowed) {
		Http.Response put = http.put("/api/v1/admin/webhooks/settings")
			.bearer(admin)
			.json(Map.of("member_endpoints_allowed", allowed))
			.send();
		assertThat(put.status()).as(put.toString()).isEqualTo(200);
		assertThat(put.json().path("member_endpoints_allowed").asBoolean()).isEqualTo(allowed);
	}
}
