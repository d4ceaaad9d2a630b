package io.krug.referrals;

import static org.assertj.core.api.Assertions.assertThat;

import io.krug.identity.MemberRegistered;
import io.krug.loyalty.PurchaseRecorded;
import io.krug.loyalty.purchases.ImportedPurchase;
import io.krug.loyalty.purchases.PurchaseImports;
import io.krug.test.Http;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class ReferralRewardTests extends ReferralTest {

	@Autowired
	PurchaseImports imports;

	@BeforeEach
	void setUp() {
		club();
	}

	@Test
	void registrationBonusesAndQuotaUnitsAreCreditedToBothOnceEvenWhenTheEventComesAgain() {
		Http.Response hook = http.post("/api/v1/webhooks")
			.bearer(admin)
			.json(Map.of("url", "http://127.0.0.1:9/hook", "event_types", List.of("referral.*")))
			.send();
		assertThat(hook.status()).as(hook.toString()).isEqualTo(201);
		campaign(Map.of("referrer_on_registration", 100, "friend_on_registration", 50, "quota_units", 1,
				"quota_name", "letters"), Map.of());
		Member anna = member();

		Member boris = friendOf(anna);
		inProgram(program, () -> {
			publisher.publishEvent(new MemberRegistered(program.id(), boris.id(), boris.phone(), code(anna), null,
					"self", clock.instant()));
			return null;
		});

		assertThat(available(anna)).isEqualByComparingTo("100.00");
		assertThat(available(boris)).isEqualByComparingTo("50.00");
		JsonNode annas = page(anna);
		assertThat(annas.path("bonus_earned").decimalValue()).isEqualByComparingTo("100.00");
		assertThat(annas.path("quota_grants")).hasSize(1);
		assertThat(annas.path("quota_grants").get(0).path("quota").asString()).isEqualTo("letters");
		assertThat(annas.path("quota_grants").get(0).path("units").asInt()).isEqualTo(1);
		assertThat(page(boris).path("bonus_earned").decimalValue()).isEqualByComparingTo("50.00");
		assertThat(page(boris).path("quota_grants").get(0).path("role").asString()).isEqualTo("friend");
		assertThat(webhookMessages("referral.attributed")).isEqualTo(1);
		assertThat(webhookMessages("referral.rewarded")).as("two bonuses, two quota grants").isEqualTo(4);
		ledgerIsConsistent();
	}

	@Test
	void aFriendsFirstPurchaseAndPercentageAreCreditedOnceWhenThePurchaseEventComesTwice() {
		campaign(Map.of("referrer_on_first_purchase", 200, "friend_on_first_purchase", 30, "purchase_percent", 10),
				Map.of());
		UUID salon = business();
		Member anna = member();
		Member boris = friendOf(anna);

		String purchase = purchase(salon, boris, "1000.00");
		inProgram(program, () -> {
			publisher.publishEvent(new PurchaseRecorded(program.id(), UUID.fromString(purchase), boris.id(), salon,
					new BigDecimal("1000.00"), "beauty_salon", false, clock.instant()));
			return null;
		});
		purchase(salon, boris, "500.00");

		assertThat(rewards(anna)).containsOnlyKeys("first_purchase", "purchase");
		assertThat(rewards(anna).get("first_purchase")).isEqualByComparingTo("200.00");
		assertThat(rewards(anna).get("purchase")).as("10% of 1000 and of 500").isEqualByComparingTo("150.00");
		assertThat(rewards(boris).get("first_purchase")).isEqualByComparingTo("30.00");
		assertThat(available(anna)).isEqualByComparingTo("350.00");
		assertThat(page(anna).path("bonus_earned").decimalValue()).isEqualByComparingTo("350.00");
		ledgerIsConsistent();
	}

	@Test
	void twoFirstPurchasesRacingCreditTheFirstPurchaseBonusOnce() throws Exception {
		campaign(Map.of("referrer_on_first_purchase", 200, "purchase_percent", 10), Map.of());
		UUID salon = business();
		Member anna = member();
		Member boris = friendOf(anna);

		CyclicBarrier barrier = new CyclicBarrier(2);
		List<Future<String>> calls = new ArrayList<>();
		try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
			for (String amount : List.of("1000.00", "2000.00")) {
				calls.add(pool.submit(() -> {
					barrier.await();
					return purchase(salon, boris, amount);
				}));
			}
		}
		for (Future<String> call : calls) {
			call.get();
		}

		assertThat(rewardCount(anna, "first_purchase")).isEqualTo(1);
		assertThat(rewardCount(anna, "purchase")).isEqualTo(2);
		assertThat(available(anna)).isEqualByComparingTo("500.00");
		ledgerIsConsistent();
	}

	@Test
	void anImportedPurchaseOfAFriendCreditsTheReferrerAsARecordedOneDoes() {
		campaign(Map.of("referrer_on_first_purchase", 200, "purchase_percent", 10), Map.of());
		UUID salon = business();
		Member anna = member();
		Member boris = friendOf(anna);
		clock.tick(Duration.ofHours(1));
		admin = fixtures.adminToken(program);
		Instant before = clock.instant().minus(Duration.ofDays(2));
		Instant after = clock.instant().minus(Duration.ofMinutes(30));

		inProgram(program, () -> imports.record(UUID.randomUUID(), salon,
				List.of(new ImportedPurchase(before, boris.phone(), new BigDecimal("5000.00"), null, null, "old"),
						new ImportedPurchase(after, boris.phone(), new BigDecimal("1000.00"), null, null, "new")),
				"import", "test"));

		assertThat(rewards(anna)).as("not for the sale before the referral").containsOnlyKeys("first_purchase", "purchase");
		assertThat(rewards(anna).get("purchase")).isEqualByComparingTo("100.00");
		assertThat(rewards(anna).get("first_purchase")).isEqualByComparingTo("200.00");
		ledgerIsConsistent();
	}

	@Test
	void thePercentageStopsAfterTheCampaignsDays() {
		campaign(Map.of("purchase_percent", 10, "purchase_percent_days", 30), Map.of());
		UUID salon = business();
		Member anna = member();
		Member boris = friendOf(anna);

		purchase(salon, boris, "1000.00");
		clock.tick(Duration.ofDays(31));
		admin = fixtures.adminToken(program);
		purchase(salon, boris, "1000.00");

		assertThat(rewardCount(anna, "purchase")).isEqualTo(1);
		assertThat(rewards(anna).get("purchase")).isEqualByComparingTo("100.00");
	}

	@Test
	void refundsOfTheFriendsPurchaseTakeBackItsPercentageInProportion() {
		campaign(Map.of("referrer_on_first_purchase", 200, "purchase_percent", 10), Map.of());
		UUID salon = business();
		Member anna = member();
		Member boris = friendOf(anna);
		String purchase = purchase(salon, boris, "1000.00");

		refund(purchase, "400.00");
		assertThat(rewards(anna).get("purchase")).isEqualByComparingTo("60.00");
		assertThat(available(anna)).isEqualByComparingTo("260.00");

		refund(purchase, "600.00");
		assertThat(rewards(anna).get("purchase")).isEqualByComparingTo("0.00");
		assertThat(rewards(anna).get("first_purchase")).as("the first-purchase bonus stays")
			.isEqualByComparingTo("200");
		assertThat(available(anna)).isEqualByComparingTo("200.00");
		assertThat(page(anna).path("bonus_earned").decimalValue()).isEqualByComparingTo("200.00");
		ledgerIsConsistent();
	}

	@Test
	void withoutACampaignAFriendIsAttributedButEarnsNothing() {
		UUID salon = business();
		Member anna = member();
		Member boris = friendOf(anna);
		purchase(salon, boris, "1000.00");

		assertThat(page(anna).path("total_referrals").asLong()).isEqualTo(1);
		assertThat(rewards(anna)).isEmpty();
		assertThat(available(anna)).isEqualByComparingTo("0");
	}

	private long webhookMessages(String type) {
		return inProgram(program, () -> jdbc.sql("SELECT count(*) FROM webhooks.messages WHERE event_type = :type")
			.param("type", type)
			.query(Long.class)
			.single());
	}
}
