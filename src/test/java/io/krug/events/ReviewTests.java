package io.krug.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.krug.test.Http;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Reviews by members who attended, after the event, once each; shown on the event and per business. */
class ReviewTests extends EventsTest {

	Http.Response review(Member member, UUID event, int rating, String text) {
		return http.post("/api/v1/events/" + event + "/reviews")
			.bearer(member.token())
			.json(Map.of("rating", rating, "text", text))
			.send();
	}

	void attend(Member member, UUID event) {
		register(member, event);
		String code = http.get("/api/v1/events/" + event + "/ticket").bearer(member.token()).send().text("ticket_code");
		assertThat(http.post("/api/v1/events/" + event + "/check-ins")
			.bearer(admin)
			.json(Map.of("ticket_code", code))
			.send()
			.status()).isEqualTo(201);
	}

	@Test
	void attendeesReviewOnceAfterTheEventAndTheEventShowsTheAverage() {
		UUID business = business("Лисичкино");
		Map<String, Object> body = eventBody("Дегустация", 10);
		body.put("business_id", business);
		UUID event = createEvent(body);
		Member anna = member();
		Member olga = member();
		Member absent = member();
		attend(anna, event);
		attend(olga, event);
		register(absent, event);

		Http.Response tooEarly = review(anna, event, 5, "Уже нравится");
		clock.tick(Duration.ofMinutes(131));
		anna = refreshed(anna);
		olga = refreshed(olga);
		absent = refreshed(absent);
		Http.Response first = review(anna, event, 5, "Было потрясающе!");
		Http.Response second = review(olga, event, 4, "Хорошо");
		Http.Response again = review(anna, event, 1, "Передумала");
		Http.Response notThere = review(absent, event, 1, "Не была");
		Http.Response outOfRange = review(olga, event, 6, "Шесть");

		assertThat(tooEarly.status()).isEqualTo(409);
		assertThat(tooEarly.text("code")).isEqualTo("event_not_over");
		assertThat(first.status()).as(first.toString()).isEqualTo(201);
		assertThat(first.text("user_name")).isEqualTo("Анна С.");
		assertThat(second.status()).isEqualTo(201);
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.text("code")).isEqualTo("already_reviewed");
		assertThat(notThere.status()).isEqualTo(403);
		assertThat(notThere.text("code")).isEqualTo("not_an_attendee");
		assertThat(outOfRange.status()).isEqualTo(422);
		JsonNode shown = exact(http.get("/api/v1/events/" + event).bearer(anna.token()).send());
		assertThat(decimal(shown.path("rating").path("average_rating"))).isEqualByComparingTo("4.50");
		assertThat(shown.path("rating").path("reviews_count").asLong()).isEqualTo(2);
		assertThat(shown.path("reviews")).hasSize(2);
		assertThat(shown.path("reviews").get(0).path("rating").asInt()).isIn(4, 5);
		assertThat(shown.path("status").asString()).isEqualTo("past");
		JsonNode perBusiness = exact(
				http.get("/api/v1/events/reviews?business_id=" + business).bearer(anna.token()).send());
		assertThat(decimal(perBusiness.path("average_rating"))).isEqualByComparingTo("4.50");
		assertThat(perBusiness.path("reviews_count").asLong()).isEqualTo(2);
	}

	@Test
	void aBusinessWithoutReviewsHasNoAverage() {
		UUID business = business("Новый");

		JsonNode summary = http.get("/api/v1/events/reviews?business_id=" + business).bearer(admin).send().json();

		assertThat(summary.path("reviews_count").asLong()).isZero();
		assertThat(summary.has("average_rating")).isFalse();
	}
}
