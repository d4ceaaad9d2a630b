package io.krug.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.krug.platform.tenancy.Program;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class InboxApiTests extends NotificationTest {

	@Test
	void listsDeliveredInAppMessagesAndMarksThemRead() {
		Program program = fixtures.program();
		JsonNode registration = fixtures.member(program);
		UUID member = UUID.fromString(registration.path("user_id").asString());
		String token = registration.path("access_token").asString();
		org.awaitility.Awaitility.await()
			.until(() -> messages(program, member).stream().anyMatch(m -> m.type().equals("badge_awarded")));
		earn(program, member, "21");
		deliver(program, clock.instant());

		JsonNode inbox = http.get("/api/v1/notifications").bearer(token).send().json();
		assertThat(inbox.path("total").asLong()).as("welcome and bonuses; badges are low priority, e-mail only")
			.isEqualTo(2);
		assertThat(inbox.path("unread_count").asLong()).isEqualTo(2);
		JsonNode newest = inbox.path("notifications").get(0);
		assertThat(newest.path("type").asString()).isEqualTo("bonuses_earned");
		assertThat(newest.path("title").asString()).isEqualTo("+21 бонус");

		String id = newest.path("id").asString();
		assertThat(http.post("/api/v1/notifications/" + id + "/read").bearer(token).send().status()).isEqualTo(200);
		assertThat(http.get("/api/v1/notifications").bearer(token).send().json().path("unread_count").asLong())
			.isEqualTo(1);
		assertThat(history(program, UUID.fromString(id))).endsWith("delivered", "opened");

		assertThat(http.post("/api/v1/notifications/read-all").bearer(token).send().json().path("marked_read")
			.asInt()).isEqualTo(1);
		assertThat(http.get("/api/v1/notifications").bearer(token).send().json().path("unread_count").asLong())
			.isZero();
	}

	@Test
	void anotherMembersNotificationCannotBeRead() {
		Program program = fixtures.program();
		UUID member = registered(program);
		deliver(program, clock.instant());
		UUID welcome = message(program, member, "welcome", Channel.IN_APP).id();
		String stranger = fixtures.memberToken(program);
		var response = http.post("/api/v1/notifications/" + welcome + "/read").bearer(stranger).send();
		assertThat(response.status()).isEqualTo(404);
		assertThat(response.json().path("code").asString()).isEqualTo("notification_not_found");
		assertThat(http.get("/api/v1/notifications").send().status()).isEqualTo(401);
	}
}
