package io.krug.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.krug.platform.tenancy.Program;
import io.krug.platform.tenancy.TenantContext;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Who gets a message: marketing needs identity's consent; push goes to one device, the latest. */
class RecipientRulesTests extends NotificationTest {

	private static final String PREFERENCES = "/api/v1/users/me/notification-preferences";

	@Autowired
	Notifier notifier;

	private void send(Program program, UUID member, String category, String key) {
		TenantContext.run(program.id(), () -> notifier.notify(new Notification(program.id().value(), member,
				"welcome", category, Priority.NORMAL, key, Map.of())));
	}

	private List<Message> byKey(Program program, UUID member, String key) {
		return inProgram(program, () -> jdbc.sql("""
				SELECT id FROM notifications.messages WHERE program_id = :p AND dedupe_key = :k""")
			.param("p", program.id().value())
			.param("k", key)
			.query(UUID.class)
			.list()).stream().map(id -> inProgram(program, () -> store.find(program.id().value(), id).orElseThrow()))
			.toList();
	}

	@Test
	void marketingReachesOnlyMembersWithMarketingConsentOnRecord() {
		Program program = fixtures.program();
		JsonNode account = fixtures.member(program);
		UUID member = UUID.fromString(account.path("user_id").asString());
		String token = account.path("access_token").asString();
		TenantContext.run(program.id(),
				() -> contacts.save(program.id().value(), member, new Contacts.Contact(email(), "ru")));

		send(program, member, "marketing", "promo-1");
		send(program, member, "loyalty", "service-1");
		assertThat(byKey(program, member, "promo-1")).isNotEmpty()
			.allSatisfy(m -> {
				assertThat(m.status()).isEqualTo("suppressed");
				assertThat(m.lastError()).isEqualTo("no_marketing_consent");
			});
		assertThat(byKey(program, member, "service-1")).isNotEmpty().allMatch(m -> !m.status().equals("suppressed"));

		assertThat(http.patch("/api/v1/users/me").bearer(token).json(Map.of("marketing_consent", true)).send()
			.status()).isEqualTo(200);
		send(program, member, "marketing", "promo-2");
		assertThat(byKey(program, member, "promo-2")).isNotEmpty().allMatch(m -> m.status().equals("queued")
				|| m.status().equals("delivered"));

		http.put(PREFERENCES).bearer(token).json(Map.of("categories", Map.of("marketing", false))).send();
		send(program, member, "marketing", "promo-3");
		assertThat(byKey(program, member, "promo-3")).isNotEmpty()
			.allMatch(m -> "category_disabled".equals(m.lastError()));
	}

	@Test
	void pushGoesOnlyToTheMembersLatestDevice() {
		Program program = fixtures.program();
		JsonNode account = fixtures.member(program);
		UUID member = UUID.fromString(account.path("user_id").asString());
		JsonNode saved = http.put(PREFERENCES)
			.bearer(account.path("access_token").asString())
			.json(Map.of("contacts", Map.of("push_tokens", List.of("phone-old", " tablet ", "phone-old", ""))))
			.send()
			.json();
		assertThat(saved.path("contacts").path("push_tokens").values()).extracting(JsonNode::asString)
			.as("each device once, a device given again counting as the latest")
			.containsExactly("tablet", "phone-old");

		send(program, member, "loyalty", "news-1");

		List<Message> push = byKey(program, member, "news-1").stream().filter(m -> m.channel() == Channel.PUSH)
			.toList();
		assertThat(push).hasSize(1);
		assertThat(push.getFirst().recipient()).isEqualTo("phone-old");
	}
}
