package io.krug.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.krug.platform.tenancy.Program;
import io.krug.platform.tenancy.TenantContext;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class CampaignTests extends NotificationTest {

	@Autowired
	Schedules schedules;

	private List<String> received(Program program, UUID member) {
		return messages(program, member).stream()
			.filter(m -> m.type().equals("scheduled") && m.channel() == Channel.IN_APP)
			.map(Message::bodyText)
			.toList();
	}

	@Test
	void enrolledMembersGetEachStepAfterItsDelayOnce() {
		Program program = fixtures.program();
		String admin = fixtures.adminToken(program);
		UUID member = registered(program);
		var created = http.post("/api/v1/admin/notifications/campaigns").bearer(admin).json(Map.of("name",
				"Onboarding", "category", "account", "priority", "normal", "steps", List.of(
						Map.of("delay", "PT0S", "text", "Шаг 1, {{ first_name }}"),
						Map.of("delay", "P2D", "text", "Шаг 2")))).send();
		assertThat(created.status()).isEqualTo(201);
		String id = created.json().path("id").asString();
		String enrol = "/api/v1/admin/notifications/campaigns/" + id + "/enrolments";
		assertThat(http.post(enrol).bearer(admin).json(Map.of("member_ids", List.of(member))).send().json()
			.path("enrolled").asInt()).isEqualTo(1);
		assertThat(http.post(enrol).bearer(admin).json(Map.of("member_ids", List.of(member))).send().json()
			.path("enrolled").asInt()).as("enrolled once").isZero();

		TenantContext.call(program.id(), () -> schedules.run(MIDDAY));
		assertThat(received(program, member)).containsExactly("Шаг 1, Анна");
		TenantContext.call(program.id(), () -> schedules.run(MIDDAY.plus(Duration.ofDays(1))));
		assertThat(received(program, member)).hasSize(1);
		TenantContext.call(program.id(), () -> schedules.run(MIDDAY.plus(Duration.ofDays(2))));
		assertThat(received(program, member)).containsExactly("Шаг 1, Анна", "Шаг 2");
	}
}
