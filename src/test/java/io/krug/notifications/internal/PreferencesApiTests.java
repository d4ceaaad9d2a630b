package io.krug.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.krug.platform.tenancy.Program;
import io.krug.platform.tenancy.TenantContext;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class PreferencesApiTests extends NotificationTest {

	private static final String PATH = "/api/v1/users/me/notification-preferences";

	@Autowired
	Unsubscribes unsubscribes;

	@Test
	void defaultsAreSmsOffQuietHoursAndACapOfTen() {
		Program program = fixtures.program();
		JsonNode prefs = http.get(PATH).bearer(fixtures.memberToken(program)).send().json();
		assertThat(prefs.path("channels").path("sms").asBoolean()).isFalse();
		assertThat(prefs.path("channels").path("email").asBoolean()).isTrue();
		assertThat(prefs.path("quiet_hours").path("start").asString()).isEqualTo("22:00");
		assertThat(prefs.path("quiet_hours").path("end").asString()).isEqualTo("08:00");
		assertThat(prefs.path("daily_cap").asInt()).isEqualTo(10);
		assertThat(prefs.path("categories").path("marketing").asBoolean())
			.as("consent is identity's; the category is only the member's opt-out")
			.isTrue();
		assertThat(prefs.path("categories").path("security").asBoolean()).isTrue();
	}

	@Test
	void essentialCategoriesCannotBeTurnedOffAndChangesAreRecorded() {
		Program program = fixtures.program();
		JsonNode registration = fixtures.member(program);
		String token = registration.path("access_token").asString();
		var rejected = http.put(PATH).bearer(token).json(Map.of("categories", Map.of("security", false))).send();
		assertThat(rejected.status()).isEqualTo(422);
		assertThat(rejected.json().path("code").asString()).isEqualTo("essential_category");

		var changed = http.put(PATH).bearer(token).json(Map.of("channels", Map.of("sms", true), "categories",
				Map.of("loyalty", false), "contacts", Map.of("email", "anna@example.com"))).send();
		assertThat(changed.status()).isEqualTo(200);
		assertThat(changed.json().path("channels").path("sms").asBoolean()).isTrue();
		assertThat(changed.json().path("channels").path("push").asBoolean()).as("unchanged fields kept").isTrue();
		assertThat(changed.json().path("contacts").path("email").asString()).isEqualTo("anna@example.com");

		JsonNode history = http.get(PATH + "/history").bearer(token).send().json();
		assertThat(history.path("total").asLong()).isEqualTo(1);
		JsonNode change = history.path("changes").get(0);
		assertThat(change.path("changed_by").asString())
			.isEqualTo("member:" + registration.path("user_id").asString());
		assertThat(change.path("old_value").path("channels").path("sms").asBoolean()).isFalse();
		assertThat(change.path("new_value").path("channels").path("sms").asBoolean()).isTrue();

		UUID member = UUID.fromString(registration.path("user_id").asString());
		earn(program, member, "3");
		assertThat(message(program, member, "bonuses_earned", Channel.EMAIL).lastError())
			.isEqualTo("category_disabled");
		assertThat(message(program, member, "bonuses_earned", Channel.IN_APP).status()).isEqualTo("suppressed");
	}

	@Test
	void oneClickUnsubscribeTurnsTheCategoryOffOnce() throws Exception {
		Program program = fixtures.program();
		useGreenMail(program);
		String address = email();
		UUID member = memberWithEmail(program, address);
		earn(program, member, "7");
		deliver(program, clock.instant());
		await().atMost(Duration.ofSeconds(10)).until(() -> mailTo(address).size() == 1);
		var mail = mailTo(address).getFirst();
		assertThat(mail.getHeader("List-Unsubscribe-Post")[0]).isEqualTo("List-Unsubscribe=One-Click");
		String header = mail.getHeader("List-Unsubscribe")[0];
		Matcher m = Pattern.compile("<https?://[^>]+/api/v1/notifications/unsubscribe\\?token=([A-Za-z0-9_-]+)>")
			.matcher(header);
		assertThat(m.matches()).as(header).isTrue();
		String token = m.group(1);
		assertThat(part(mail, "text/plain")).contains("token=");
		assertThat(jdbc.sql("SELECT count(*) FROM notifications.unsubscribe_tokens WHERE token_hash = :t")
			.param("t", token).query(Long.class).single()).as("only the hash is stored").isZero();

		var used = http.post("/api/v1/notifications/unsubscribe?token=" + token)
			.body("application/x-www-form-urlencoded", "List-Unsubscribe=One-Click".getBytes())
			.send();
		assertThat(used.status()).isEqualTo(200);
		assertThat(used.json().path("unsubscribed").asString()).isEqualTo("loyalty");
		var again = http.post("/api/v1/notifications/unsubscribe?token=" + token).send();
		assertThat(again.status()).isEqualTo(404);
		assertThat(again.json().path("code").asString()).isEqualTo("unsubscribe_token_invalid");

		Preferences prefs = TenantContext.call(program.id(),
				() -> inProgram(program, () -> new PreferenceStore(jdbc, jsonMapper).find(program.id().value(),
						member)))
			.orElseThrow();
		assertThat(prefs.categories().get("loyalty")).isFalse();
		assertThat(prefs.channels().email()).isTrue();
	}

	@Test
	void unsubscribeTokensExpireAfterNinetyDays() {
		Program program = fixtures.program();
		UUID member = registered(program);
		String token = inProgram(program, () -> unsubscribes.issue(program.id().value(), member, null));
		clock.tick(Duration.ofDays(91));
		assertThat(http.post("/api/v1/notifications/unsubscribe?token=" + token).send().status()).isEqualTo(404);
		clock.tick(Duration.ofDays(-2));
		assertThat(http.post("/api/v1/notifications/unsubscribe?token=" + token).send().json().path("unsubscribed")
			.asString()).isEqualTo("all_email");
	}
}
