package io.krug.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.krug.platform.tenancy.Program;
import io.krug.platform.tenancy.TenantContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class ScheduleTests extends NotificationTest {

	@Autowired
	Schedules schedules;

	private List<Message> scheduled(Program program, UUID member) {
		return messages(program, member).stream()
			.filter(m -> m.type().equals("scheduled") && m.channel() == Channel.IN_APP)
			.toList();
	}

	@Test
	void recurringScheduleRunsDailyUntilItsEndForEachMember() {
		Program program = fixtures.program();
		String admin = fixtures.adminToken(program);
		UUID anna = registered(program);
		UUID boris = registered(program);
		Instant first = MIDDAY.plus(Duration.ofHours(1));
		var created = http.post("/api/v1/admin/notifications/scheduled").bearer(admin).json(Map.of("member_ids",
				List.of(anna, boris), "category", "loyalty", "priority", "normal", "subject",
				"{{ first_name }}, двойные бонусы", "text", "Только в субботу", "send_at", first.toString(),
				"recurrence", "daily", "until", first.plus(Duration.ofDays(1)).plusSeconds(60).toString())).send();
		assertThat(created.status()).isEqualTo(201);
		var invalid = http.post("/api/v1/admin/notifications/scheduled").bearer(admin).json(Map.of("member_ids",
				List.of(anna), "category", "loyalty", "priority", "normal", "text", "{% if %}", "send_at",
				first.toString(), "recurrence", "once")).send();
		assertThat(invalid.json().path("code").asString()).isEqualTo("template_invalid");

		assertThat(TenantContext.call(program.id(), () -> schedules.run(first.minusSeconds(1)))).isZero();
		assertThat(TenantContext.call(program.id(), () -> schedules.run(first))).isEqualTo(1);
		assertThat(TenantContext.call(program.id(), () -> schedules.run(first))).isZero();
		assertThat(scheduled(program, anna)).singleElement()
			.satisfies(m -> assertThat(m.subject()).isEqualTo("Анна, двойные бонусы"));
		assertThat(scheduled(program, boris)).hasSize(1);

		assertThat(TenantContext.call(program.id(), () -> schedules.run(first.plus(Duration.ofDays(1))))).isEqualTo(1);
		assertThat(TenantContext.call(program.id(), () -> schedules.run(first.plus(Duration.ofDays(5))))).isZero();
		assertThat(scheduled(program, anna)).hasSize(2);
		var list = http.get("/api/v1/admin/notifications/scheduled").bearer(admin).send().json();
		assertThat(list.path("schedules").get(0).path("runs").asInt()).isEqualTo(2);
		assertThat(list.path("schedules").get(0).path("next_run_at").isMissingNode()
				|| list.path("schedules").get(0).path("next_run_at").isNull()).isTrue();
	}
}
