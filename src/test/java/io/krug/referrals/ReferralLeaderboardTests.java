package io.krug.referrals;

import static org.assertj.core.api.Assertions.assertThat;

import io.krug.test.Http;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ReferralLeaderboardTests extends ReferralTest {

	@BeforeEach
	void setUp() {
		club();
	}

	@Test
	void ranksReferrersByFriendsWithShortNamesAndMarksTheCaller() {
		Member anna = member(Map.of("first_name", "Анна", "last_name", "Котова"));
		Member vera = member(Map.of("first_name", "Вера", "last_name", "Лебедева"));
		friendOf(anna);
		friendOf(vera);
		friendOf(vera);

		JsonNode board = board(anna, "all");

		assertThat(board.path("period").asString()).isEqualTo("all");
		assertThat(board.path("items")).hasSize(2);
		assertThat(board.path("items").get(0).path("name").asString()).isEqualTo("Вера Л.");
		assertThat(board.path("items").get(0).path("referrals").asLong()).isEqualTo(2);
		assertThat(board.path("items").get(0).path("me").asBoolean()).isFalse();
		assertThat(board.path("items").get(1).path("name").asString()).isEqualTo("Анна К.");
		assertThat(board.path("items").get(1).path("rank").asInt()).isEqualTo(2);
		assertThat(board.path("items").get(1).path("me").asBoolean()).isTrue();
	}

	@Test
	void isRecomputedAtMostEvery15Minutes() {
		Member anna = member();
		friendOf(anna);
		String code = code(anna);
		JsonNode first = board(anna, "month");
		assertThat(first.path("items").get(0).path("referrals").asLong()).isEqualTo(1);

		member(Map.of("referral_code", code));
		clock.tick(Duration.ofMinutes(14));
		JsonNode cached = board(anna, "month");
		clock.tick(Duration.ofMinutes(2));
		JsonNode fresh = board(member(), "month");

		assertThat(cached.path("items").get(0).path("referrals").asLong()).isEqualTo(1);
		assertThat(cached.path("computed_at").asString()).isEqualTo(first.path("computed_at").asString());
		assertThat(fresh.path("items").get(0).path("referrals").asLong()).isEqualTo(2);
	}

	@Test
	void theWeekCountsOnlyTheLastSevenDays() {
		Member anna = member();
		Member vera = member();
		friendOf(anna);
		friendOf(anna);
		String veras = code(vera);
		clock.tick(Duration.ofDays(8));
		member(Map.of("referral_code", veras));
		Member reader = member();

		assertThat(board(reader, "week").path("items")).hasSize(1);
		assertThat(board(reader, "week").path("items").get(0).path("referrals").asLong()).isEqualTo(1);
		assertThat(board(reader, "all").path("items").get(0).path("referrals").asLong()).isEqualTo(2);
	}

	@Test
	void refusesAnUnknownPeriod() {
		Http.Response response = http.get("/api/v1/referrals/leaderboard?period=year").bearer(admin).send();

		assertThat(response.status()).as(response.toString()).isEqualTo(422);
		assertThat(response.text("code")).isEqualTo("validation_failed");
	}

	private JsonNode board(Member caller, String period) {
		Http.Response response = http.get("/api/v1/referrals/leaderboard?period=" + period)
			.bearer(caller.token())
			.send();
		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		return response.json();
	}
}
