package io.krug.loyalty.status;

import static org.assertj.core.api.Assertions.assertThat;

import io.krug.identity.Role;
import io.krug.platform.tenancy.Program;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class StatusProgressTests extends StatusTest {

	Program program;

	UUID member;

	String token;

	@BeforeEach
	void member() {
		program = programWithCategories();
		var registered = fixtures.member(program);
		member = id(registered);
		token = registered.path("access_token").asString();
	}

	JsonNode progress() {
		var response = http.get("/api/v1/loyalty/status-progress").bearer(token).send();
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return response.json();
	}

	static List<String> strings(JsonNode array) {
		return array.valueStream().map(JsonNode::asString).toList();
	}

	@Test
	void anInsiderHalfwayToVipOnSpend() {
		purchase(program, member, "15000.00", "gastronomy");

		JsonNode body = progress();

		assertThat(body.path("current_status").asString()).isEqualTo("insider");
		assertThat(body.path("next_status").asString()).isEqualTo("vip");
		JsonNode progress = body.path("progress");
		assertThat(progress.path("total_spent").decimalValue()).isEqualByComparingTo("15000");
		assertThat(progress.path("total_spent_required").decimalValue()).isEqualByComparingTo("30000");
		assertThat(progress.path("categories_visited").asInt()).isEqualTo(1);
		assertThat(progress.path("categories_required").asInt()).isEqualTo(3);
		assertThat(progress.path("percentage").asInt()).as("floor(100 × (1/2 + 1/3) / 2)").isEqualTo(41);
		assertThat(strings(body.path("benefits"))).containsExactly("Базовый кешбэк 5%",
				"Доступ к открытым мероприятиям", "QR-карта участницы");
		assertThat(Instant.parse(body.path("window_start").asString()))
			.isEqualTo(clock.instant().atZone(program.timeZone()).minusMonths(12).toInstant());
	}

	@Test
	void aVipOnTheWayToElite() {
		for (String category : CATEGORIES.subList(0, 4)) {
			purchase(program, member, "16250.00", category);
		}
		recompute(program, member);

		JsonNode body = progress();

		assertThat(body.path("current_status").asString()).isEqualTo("vip");
		assertThat(body.path("next_status").asString()).isEqualTo("elite");
		assertThat(body.path("progress").path("total_spent").decimalValue()).isEqualByComparingTo("65000");
		assertThat(body.path("progress").path("categories_required").asInt()).isEqualTo(5);
		assertThat(body.path("progress").path("percentage").asInt()).as("floor(100 × (0.65 + 0.8) / 2)").isEqualTo(72);
		assertThat(strings(body.path("benefits"))).containsExactly("Кешбэк 7%", "Приоритетная запись",
				"VIP-зона на мероприятиях", "Двойные баллы за новые категории",
				"Доступ к конструктору мероприятий (без веса голоса)");
	}

	@Test
	void anEliteMeasuresAgainstTheInnerCirclesSpendAndEveryCategory() {
		for (String category : CATEGORIES.subList(0, 5)) {
			purchase(program, member, "30000.00", category);
		}
		purchase(program, member, "1000.00", "no_longer_a_category");
		recompute(program, member);

		JsonNode body = progress();
		JsonNode progress = body.path("progress");

		assertThat(body.path("next_status").asString()).isEqualTo("inner_circle");
		assertThat(strings(body.path("benefits"))).startsWith("Кешбэк 10%", "Закрытые встречи с собственницами")
			.hasSize(7);
		assertThat(progress.path("total_spent").decimalValue()).isEqualByComparingTo("151000");
		assertThat(progress.path("total_spent_required").decimalValue()).isEqualByComparingTo("200000");
		assertThat(progress.path("categories_visited").asInt()).as("of the program's categories").isEqualTo(5);
		assertThat(progress.path("categories_required").asInt()).isEqualTo(9);
		assertThat(progress.path("percentage").asInt()).as("floor(100 × (0.755 + 5/9) / 2)").isEqualTo(65);
	}

	@Test
	void atTheTopThereIsNoNextStatus() {
		http.post("/api/v1/admin/members/" + member + "/inner-circle").bearer(fixtures.adminToken(program)).send();

		JsonNode body = progress();

		assertThat(body.path("current_status").asString()).isEqualTo("inner_circle");
		assertThat(body.has("next_status")).isTrue();
		assertThat(body.path("next_status").isNull()).isTrue();
		assertThat(body.path("progress").path("total_spent_required").isNull()).isTrue();
		assertThat(body.path("progress").path("percentage").asInt()).isEqualTo(100);
		assertThat(strings(body.path("benefits"))).startsWith("Все привилегии Elite")
			.contains("Право вето на предложения мероприятий");
	}

	@Test
	void listsTheMembersStatusChangesNewestFirst() {
		UUID optics = purchase(program, member, "10000.00", "optics");
		purchase(program, member, "10000.00", "gastronomy");
		purchase(program, member, "10000.00", "home");
		recompute(program, member);
		clock.tick(java.time.Duration.ofMinutes(1));
		refund(program, optics, "5000.00");
		recompute(program, member, StatusReason.REFUND);

		var response = http.get("/api/v1/loyalty/status-history?limit=1").bearer(token).send();

		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		assertThat(response.json().path("total").asLong()).isEqualTo(2);
		JsonNode latest = response.json().path("history").get(0);
		assertThat(latest.path("from").asString()).isEqualTo("vip");
		assertThat(latest.path("to").asString()).isEqualTo("insider");
		assertThat(latest.path("reason").asString()).isEqualTo("refund");
		assertThat(Instant.parse(latest.path("at").asString()))
			.isEqualTo(clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS));
		assertThat(response.json().path("history").size()).isEqualTo(1);
		assertThat(http.get("/api/v1/loyalty/status-history?limit=0").bearer(token).send().status()).isEqualTo(422);
	}

	@Test
	void isForMembersOnly() {
		String owner = fixtures.staffToken(program, Role.BUSINESS_OWNER, UUID.randomUUID());

		assertThat(http.get("/api/v1/loyalty/status-progress").bearer(owner).send().status()).isEqualTo(403);
		assertThat(http.get("/api/v1/loyalty/status-history").bearer(owner).send().status()).isEqualTo(403);
		assertThat(http.get("/api/v1/loyalty/status-progress").send().status()).isEqualTo(401);
	}

	@Test
	void theOpenApiDocumentExplainsThePercentage() {
		JsonNode docs = http.get("/v3/api-docs").send().json();

		JsonNode paths = docs.path("paths");
		assertThat(paths.path("/api/v1/loyalty/status-progress").path("get").path("description").asString())
			.contains("percentage = floor(100 × (min(1, total_spent / total_spent_required)");
		assertThat(paths.has("/api/v1/loyalty/status-history")).isTrue();
		assertThat(paths.has("/api/v1/loyalty/badges")).isTrue();
		assertThat(paths.path("/api/v1/admin/members/{id}/inner-circle").has("delete")).isTrue();
		assertThat(docs.path("components").path("schemas").path("StatusProgress").path("properties").has("next_status"))
			.isTrue();
		assertThat(docs.path("components").path("schemas").path("ProgressToNextStatus").path("properties")
			.has("total_spent_required")).isTrue();
	}
}
