package io.krug.loyalty.badges;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.krug.identity.MemberStatus;
import io.krug.loyalty.BadgeAwarded;
import io.krug.loyalty.status.StatusTest;
import io.krug.platform.Ids;
import io.krug.platform.tenancy.Program;
import io.krug.test.Fixtures;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import tools.jackson.databind.JsonNode;

@RecordApplicationEvents
class BadgeTests extends StatusTest {

	@Autowired
	ApplicationEvents events;

	@Autowired
	MemberBadges memberBadges;

	@Autowired
	BadgeService badgeService;

	Program program;

	@BeforeEach
	void program() {
		program = programWithCategories();
	}

	List<String> badges(UUID member) {
		return inProgram(program, () -> jdbc.sql("""
				SELECT badge FROM loyalty.badges WHERE program_id = :p AND member_id = :m ORDER BY badge""")
			.param("p", program.id().value())
			.param("m", member)
			.query(String.class)
			.list());
	}

	@Test
	void awardsABadgePerCategoryVisitedOnceHoweverOftenRecomputed() {
		UUID member = Ids.newId();
		purchase(program, member, "3000.00", "dentistry");
		purchase(program, member, "2500.00", "optics");
		purchase(program, member, "1200.00", "optics");

		recompute(program, member);
		recompute(program, member);

		assertThat(badges(member)).containsExactly("category:dentistry", "category:optics");
		assertThat(events.stream(BadgeAwarded.class).map(BadgeAwarded::badge)).containsExactlyInAnyOrder(
				"category:dentistry", "category:optics");
		assertThat(events.stream(BadgeAwarded.class)).allSatisfy(e -> {
			assertThat(e.programId()).isEqualTo(program.id());
			assertThat(e.memberId()).isEqualTo(member);
		});
	}

	@Test
	void theCollectorHasVisitedEveryCategoryOfTheProgram() {
		UUID member = Ids.newId();
		for (String category : CATEGORIES.subList(0, 8)) {
			purchase(program, member, "1000.00", category);
		}
		recompute(program, member);
		assertThat(badges(member)).doesNotContain("collector");

		purchase(program, member, "1000.00", "legal");
		recompute(program, member);

		assertThat(badges(member)).contains("collector", "category:legal").doesNotContain("investor");
	}

	@Test
	void theInvestorCountsNetSpendOfAllTime() {
		UUID member = Ids.newId();
		purchase(program, member, "200000.00", "home", clock.instant().minus(Duration.ofDays(800)));
		UUID recent = purchase(program, member, "50000.00", "home");
		refund(program, recent, "0.01");
		recompute(program, member);
		assertThat(badges(member)).doesNotContain("investor");

		purchase(program, member, "0.01", "home");
		recompute(program, member);

		assertThat(badges(member)).contains("investor");
		assertThat(statusOf(program, member)).as("the status counts only the last 12 months")
			.isEqualTo(MemberStatus.INSIDER);
	}

	@Test
	void aFullyRefundedPurchaseEarnsNoBadgeButAnEarnedBadgeIsKept() {
		UUID member = Ids.newId();
		refund(program, purchase(program, member, "1000.00", "floristry"), "1000.00");
		UUID optics = purchase(program, member, "1000.00", "optics");
		recompute(program, member);
		refund(program, optics, "1000.00");
		recompute(program, member, io.krug.loyalty.status.StatusReason.REFUND);

		assertThat(badges(member)).containsExactly("category:optics");
	}

	@Test
	void aMemberWhoRegistersGetsTheFirstRegistrationBadgeOnce() {
		UUID member = id(fixtures.member(program));

		await().atMost(Duration.ofSeconds(20)).until(() -> badges(member).contains("first_registration"));

		assertThat(inProgram(program, () -> badgeService.awardFirstRegistration(member, clock.instant())))
			.as("a repeated delivery awards nothing")
			.isFalse();
		assertThat(badges(member)).containsExactly("first_registration");
	}

	@Test
	void importedMembersDidNotRegisterThemselves() {
		var imported = http.post("/api/v1/admin/members")
			.bearer(fixtures.adminToken(program))
			.json(Map.of("members", List.of(Map.of("phone", Fixtures.phone(), "consent_source", "partner CRM"))))
			.send();
		assertThat(imported.status()).as(imported.toString()).isEqualTo(200);
		UUID member = UUID.fromString(imported.json().path("results").get(0).path("member_id").asString());

		await().atMost(Duration.ofSeconds(20)).until(() -> deliveries(member) == 1);

		assertThat(badges(member)).isEmpty();
	}

	@Test
	void otherModulesAwardTheirBadgesFromTheirOwnCounts() {
		UUID member = Ids.newId();

		assertThat(award(member, MemberBadges.FRIEND_OF_THE_CLUB, 2)).isFalse();
		assertThat(award(member, MemberBadges.FRIEND_OF_THE_CLUB, 3)).isTrue();
		assertThat(award(member, MemberBadges.FRIEND_OF_THE_CLUB, 4)).isFalse();
		assertThat(award(member, MemberBadges.PARTY_GOER, 9)).isFalse();
		assertThat(award(member, MemberBadges.PARTY_GOER, 10)).isTrue();
		assertThatThrownBy(() -> award(member, "collector", 100)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> award(member, "no_such_badge", 100)).isInstanceOf(IllegalArgumentException.class);

		assertThat(badges(member)).containsExactly("friend_of_the_club", "party_goer");
	}

	@Test
	void listsEarnedAndAvailableBadgesInRussian() {
		var registered = fixtures.member(program);
		UUID member = id(registered);
		purchase(program, member, "10000.00", "dentistry");
		recompute(program, member);
		await().atMost(Duration.ofSeconds(20)).until(() -> badges(member).contains("first_registration"));

		var response = http.get("/api/v1/loyalty/badges").bearer(registered.path("access_token").asString()).send();

		assertThat(response.status()).as(response.toString()).isEqualTo(200);
		JsonNode body = response.json();
		assertThat(body.path("badges").valueStream().map(b -> b.path("key").asString()))
			.containsExactlyInAnyOrder("first_registration", "category:dentistry");
		JsonNode dentistry = find(body.path("badges"), "category:dentistry");
		assertThat(dentistry.path("name").asString()).isEqualTo("Стоматология");
		assertThat(dentistry.path("emoji").asString()).isEqualTo("🦷");
		assertThat(dentistry.path("awarded_at").asString()).isNotBlank();
		assertThat(find(body.path("badges"), "first_registration").path("name").asString()).isEqualTo("Первопроходец");
		JsonNode available = body.path("available");
		assertThat(available.valueStream().map(b -> b.path("key").asString())).contains("category:optics",
				"friend_of_the_club", "party_goer", "collector", "investor")
			.doesNotContain("category:dentistry", "first_registration");
		assertThat(find(available, "category:optics").path("requirement").asString())
			.isEqualTo("Покупка в категории «Оптика»");
		assertThat(find(available, "collector").path("progress").path("current").asInt()).isEqualTo(1);
		assertThat(find(available, "collector").path("progress").path("target").asInt()).isEqualTo(9);
		assertThat(find(available, "investor").path("progress").path("current").decimalValue())
			.isEqualByComparingTo("10000");
		assertThat(find(available, "friend_of_the_club").has("progress")).as("referrals count it, not loyalty")
			.isFalse();
		assertThat(find(available, "party_goer").path("name").asString()).isEqualTo("Тусовщица");
	}

	private boolean award(UUID member, String badge, long count) {
		return inProgram(program, () -> memberBadges.awardIfEligible(member, badge, count));
	}

	private static JsonNode find(JsonNode array, String key) {
		return array.valueStream().filter(b -> key.equals(b.path("key").asString())).findFirst().orElseThrow();
	}

	private long deliveries(UUID member) {
		return jdbc.sql("""
				SELECT count(*) FROM platform.event_publication
				WHERE listener_id = 'loyalty.first-registration-badge' AND serialized_event LIKE :member
				  AND completion_date IS NOT NULL""")
			.param("member", "%" + member + "%")
			.query(Long.class)
			.single();
	}
}
